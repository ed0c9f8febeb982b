package com.example.files;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.script.ScriptEngine;
import javax.script.ScriptException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.commons.io.FilenameUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.util.HtmlUtils;

@RestController
@RequestMapping("/files")
public class FileController {
    private static final Path ROOT = Paths.get("/srv/files");
    private final ScriptEngine engine;

    public FileController(ScriptEngine engine) {
        this.engine = engine;
    }

    @GetMapping("/raw")
    public byte[] raw(@RequestParam String name) throws IOException {
        return Files.readAllBytes(Paths.get("/srv/files", name)); // expect: input-validation/path-traversal-java
    }

    @GetMapping("/raw-safe")
    public byte[] rawSafe(@RequestParam String name) throws IOException {
        String safe = FilenameUtils.getName(name);
        return Files.readAllBytes(ROOT.resolve(safe));
    }

    @GetMapping("/thumb")
    public String thumb(@RequestParam("name") String name) throws IOException {
        Process p = Runtime.getRuntime().exec("convert " + name + " -resize 64x64 /tmp/thumb.png"); // expect: input-validation/command-injection-java
        return "ok";
    }

    @GetMapping("/thumb-safe")
    public String thumbSafe(@RequestParam("name") String name) throws IOException {
        new ProcessBuilder("convert", name, "-resize", "64x64", "/tmp/thumb.png").start();
        return "ok";
    }

    @GetMapping("/go")
    public ResponseEntity<Void> go(@RequestParam("to") String to) {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(to)).build(); // expect: input-validation/open-redirect-java
    }

    @PostMapping("/calc")
    public Object calc(@RequestParam String expr) throws ScriptException {
        return engine.eval(expr); // expect: input-validation/code-injection-java
    }

    @GetMapping("/hello")
    public void hello(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        response.setContentType("text/html");
        response.getWriter().write("<h1>Hello " + name + "</h1>"); // expect: input-validation/xss-java
    }

    @GetMapping("/hello-safe")
    public void helloSafe(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.getWriter().write("<h1>Hello " + HtmlUtils.htmlEscape(request.getParameter("name")) + "</h1>");
    }
}
