using System.Diagnostics;
using System.IO;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Controllers;

[ApiController]
[Route("documents")]
public class DocumentsController : Controller
{
    private readonly string _root = "/srv/documents";
    private readonly AppDbContext _db;

    public DocumentsController(AppDbContext db) => _db = db;

    [HttpGet("download")]
    public IActionResult Download([FromQuery] string name)
    {
        var path = Path.Combine(_root, name);
        return PhysicalFile(path, "application/pdf"); // expect: input-validation/path-traversal-csharp
    }

    [HttpGet("download-safe")]
    public IActionResult DownloadSafe([FromQuery] string name)
    {
        var path = Path.Combine(_root, Path.GetFileName(name));
        return PhysicalFile(path, "application/pdf");
    }

    [HttpPost("convert")]
    public IActionResult Convert([FromForm] string file)
    {
        Process.Start("/bin/sh", "-c \"libreoffice --convert-to pdf " + file + "\""); // expect: input-validation/command-injection-csharp
        return Accepted();
    }

    [HttpGet("login/done")]
    public IActionResult LoginDone(string returnUrl)
    {
        return Redirect(returnUrl); // expect: input-validation/open-redirect-csharp
    }

    [HttpGet("login/done-safe")]
    public IActionResult LoginDoneSafe(string returnUrl)
    {
        return LocalRedirect(returnUrl);
    }

    [HttpGet("preview")]
    public IActionResult Preview([FromQuery] string title)
    {
        return Content("<h1>" + title + "</h1>", "text/html"); // expect: input-validation/xss-csharp
    }

    [HttpGet("preview-safe")]
    public IActionResult PreviewSafe([FromQuery] string title)
    {
        return Content("<h1>" + HtmlEncoder.Default.Encode(title) + "</h1>", "text/html");
    }

    [HttpPost("{id}/edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var doc = await _db.Documents.FindAsync(id);
        if (await TryUpdateModelAsync(doc)) // expect: input-validation/mass-assignment-csharp
        {
            await _db.SaveChangesAsync();
        }
        return Ok(doc);
    }
}
