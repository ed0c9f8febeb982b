package com.example.auth;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
public class LoginController {
    @PostMapping("/login/done")
    public String done(@RequestParam(value = "next", required = false) String next) {
        if (next == null) {
            return "redirect:/dashboard";
        }
        return "redirect:" + next; // expect: input-validation/open-redirect-java
    }

    @GetMapping("/orders/view")
    public String order(@RequestParam String id) {
        return "redirect:/orders/" + id;
    }
}
