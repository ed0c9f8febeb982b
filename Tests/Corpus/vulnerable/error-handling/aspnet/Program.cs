using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shop.Data;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDbContext<ShopContext>(o => o.UseNpgsql(builder.Configuration.GetConnectionString("Shop")));
builder.Services.AddControllers();

var app = builder.Build();

if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}

app.UseDeveloperExceptionPage(); // expect: error-handling/developer-exception-page-csharp
app.MapControllers();
app.Run();

[ApiController]
[Route("api/[controller]")]
public class InvoicesController : ControllerBase
{
    private readonly ShopContext _db;
    private readonly ILogger<InvoicesController> _logger;

    public InvoicesController(ShopContext db, ILogger<InvoicesController> logger)
    {
        _db = db;
        _logger = logger;
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Get(int id)
    {
        try
        {
            var invoice = await _db.Invoices.FindAsync(id);
            return invoice is null ? NotFound() : Ok(invoice);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Loading invoice {Id} failed", id);
            return StatusCode(500, ex.ToString()); // expect: error-handling/exception-in-response-csharp
        }
    }

    [HttpPost]
    public async Task<IActionResult> Create(InvoiceDto dto)
    {
        try
        {
            _db.Invoices.Add(dto.ToEntity());
            await _db.SaveChangesAsync();
        }
        catch (DbUpdateException ex)
        {
            _logger.LogError(ex, "Saving invoice failed");
            return Problem(title: "Could not save the invoice", statusCode: 500);
        }
        try // expect: error-handling/empty-catch-csharp
        {
            await NotifyAccounting(dto);
        }
        catch (Exception)
        {
        }
        return Ok();
    }

    private Task NotifyAccounting(InvoiceDto dto) => Task.CompletedTask;
}
