using System.ComponentModel.DataAnnotations;
using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Clinic.Api.Data;

namespace Clinic.Api.Controllers;

public sealed class RegisterRequest
{
    [Required, EmailAddress, MaxLength(254)]
    public string Email { get; init; } = "";

    [Required, StringLength(128, MinimumLength = 12)]
    public string Password { get; init; } = "";

    [Required, StringLength(80, MinimumLength = 1)]
    public string FullName { get; init; } = "";
}

public sealed class LoginRequest
{
    [Required, EmailAddress]
    public string Email { get; init; } = "";

    [Required, MaxLength(128)]
    public string Password { get; init; } = "";
}

public sealed class TokenService
{
    private readonly SymmetricSecurityKey _key;
    private readonly string _issuer;
    private readonly string _audience;

    public TokenService(IConfiguration configuration)
    {
        _key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Jwt:Key"]!));
        _issuer = configuration["Jwt:Issuer"]!;
        _audience = configuration["Jwt:Audience"]!;
    }

    public string Issue(Guid patientId, TimeSpan lifetime)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, patientId.ToString())]),
            Issuer = _issuer,
            Audience = _audience,
            Expires = DateTime.UtcNow.Add(lifetime),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        };
        var handler = new JwtSecurityTokenHandler();
        return handler.WriteToken(handler.CreateToken(descriptor));
    }
}

[ApiController]
[Route("api/account")]
public sealed class AccountController : ControllerBase
{
    private readonly ClinicDbContext _db;
    private readonly IPasswordHasher<Patient> _hasher;
    private readonly TokenService _tokens;
    private readonly ILogger<AccountController> _logger;

    public AccountController(ClinicDbContext db, IPasswordHasher<Patient> hasher, TokenService tokens,
        ILogger<AccountController> logger)
    {
        _db = db;
        _hasher = hasher;
        _tokens = tokens;
        _logger = logger;
    }

    [HttpPost("register")]
    [AllowAnonymous]
    public async Task<IActionResult> Register([FromBody] RegisterRequest request, CancellationToken ct)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        if (await _db.Patients.AnyAsync(p => p.Email == email, ct))
        {
            return Conflict(new { error = "email already registered" });
        }
        var patient = new Patient { Id = Guid.NewGuid(), Email = email, FullName = request.FullName };
        patient.PasswordHash = _hasher.HashPassword(patient, request.Password);
        _db.Patients.Add(patient);
        await _db.SaveChangesAsync(ct);
        _logger.LogInformation("Patient registered {PatientId}", patient.Id);
        return CreatedAtAction(nameof(Me), null, new { id = patient.Id });
    }

    [HttpPost("login")]
    [AllowAnonymous]
    public async Task<IActionResult> Login([FromBody] LoginRequest request, CancellationToken ct)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        var patient = await _db.Patients.SingleOrDefaultAsync(p => p.Email == email, ct);
        if (patient is null)
        {
            return Unauthorized(new { error = "invalid credentials" });
        }

        var result = _hasher.VerifyHashedPassword(patient, patient.PasswordHash, request.Password);
        if (result == PasswordVerificationResult.Failed)
        {
            _logger.LogWarning("Login failed for {PatientId}", patient.Id);
            return Unauthorized(new { error = "invalid credentials" });
        }
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            patient.PasswordHash = _hasher.HashPassword(patient, request.Password);
            await _db.SaveChangesAsync(ct);
            _logger.LogInformation("Password hash upgraded for {PatientId}", patient.Id);
        }

        var deviceId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        Response.Cookies.Append("device_id", deviceId, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(30),
        });
        _logger.LogInformation("Login ok {PatientId} tokenType={TokenType}", patient.Id, "Bearer");
        return Ok(new { accessToken = _tokens.Issue(patient.Id, TimeSpan.FromMinutes(20)), tokenType = "Bearer" });
    }

    [HttpGet("me")]
    [Authorize]
    public async Task<IActionResult> Me(CancellationToken ct)
    {
        var id = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var me = await _db.Patients
            .Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Email, p.FullName, HasPassword = p.PasswordHash != "" })
            .SingleOrDefaultAsync(ct);
        return me is null ? NotFound(new { error = "not found" }) : Ok(me);
    }

    [HttpGet("/signout-complete")]
    [AllowAnonymous]
    public IActionResult SignoutComplete([FromQuery] string? returnUrl)
    {
        if (!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl))
        {
            return LocalRedirect(returnUrl);
        }
        return LocalRedirect("/");
    }
}
