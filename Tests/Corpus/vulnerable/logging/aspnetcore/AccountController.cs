using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Shop.Controllers;

[ApiController]
[Route("api/account")]
public class AccountController : ControllerBase
{
    private readonly ILogger<AccountController> _logger;

    public AccountController(ILogger<AccountController> logger) => _logger = logger;

    [HttpPost("register")]
    public IActionResult Register(RegisterDto dto)
    {
        _logger.LogInformation("Register headers {@Headers}", Request.Headers); // expect: logging/request-logged-csharp
        _logger.LogInformation("Register {Email}", dto.Email); // expect: logging/pii-in-log-csharp
        _logger.LogInformation("Register from {Path}", Request.Path);
        _logger.LogDebug("Register email {Email}", dto.Email);
        return Ok();
    }

    [HttpGet("me")]
    public IActionResult Me()
    {
        _logger.LogWarning("Auth header {Auth}", Request.Headers["Authorization"]); // expect: logging/request-logged-csharp
        _logger.LogInformation("Request id {Id}", Request.Headers["X-Request-Id"]);
        return Ok();
    }
}

public record RegisterDto(string Email, string Name);
