using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(options =>
    {
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = builder.Configuration["Jwt:Issuer"],
            ValidateIssuerSigningKey = false, // expect: auth/jwt-verification-disabled
            ValidateLifetime = false, // expect: auth/jwt-expiration-not-validated
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("aspnet-signing-key-0123456789abcdef")), // expect: auth/jwt-hardcoded-secret
        };
    });

builder.Services.AddCors(o => o.AddPolicy("spa", policy =>
    policy.SetIsOriginAllowed(_ => true).AllowAnyHeader().AllowCredentials())); // expect: auth/cors-credentials-any-origin

builder.Services.AddControllersWithViews(o => o.Filters.Add(new IgnoreAntiforgeryTokenAttribute())); // expect: auth/csrf-protection-disabled

var app = builder.Build();
app.UseCors("spa");
app.MapControllers();
app.Run();

public class AccountController : Controller
{
    private readonly IConfiguration _config;

    public AccountController(IConfiguration config) => _config = config;

    [HttpPost("/api/login")]
    public IActionResult Login(string user)
    {
        Response.Cookies.Append("auth", user, new CookieOptions { HttpOnly = true, Secure = false }); // expect: auth/cookie-security-flag-disabled
        Response.Cookies.Append("pref", "dark", new CookieOptions { Secure = true, HttpOnly = true });
        return Ok();
    }

    [HttpPost("/api/hooks")]
    public IActionResult Hook([FromHeader(Name = "X-Api-Key")] string apiKey)
    {
        if (apiKey != _config["Hooks:ApiKey"]) // expect: auth/secret-compare-not-constant-time
            return Unauthorized();
        return Ok();
    }

    [HttpPost("/api/hooks/v2")]
    public IActionResult HookV2([FromHeader(Name = "X-Signature")] string signature)
    {
        var expected = Encoding.UTF8.GetBytes(_config["Hooks:Signature"]!);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(signature), expected))
            return Unauthorized();
        return Ok();
    }
}
