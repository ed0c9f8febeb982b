using Microsoft.EntityFrameworkCore;

namespace Shop.Services;

public class InvoiceService
{
    private readonly ShopDbContext _db;

    public InvoiceService(ShopDbContext db) => _db = db;

    public async Task<List<InvoiceDto>> ListAsync(IReadOnlyList<int> invoiceIds)
    {
        var result = new List<InvoiceDto>();
        foreach (var id in invoiceIds)
        {
            var invoice = await _db.Invoices.FirstOrDefaultAsync(i => i.Id == id); // expect: query-performance/query-in-loop-csharp
            if (invoice != null) result.Add(new InvoiceDto(invoice.Id, invoice.Total));
        }
        return result;
    }

    public async Task<List<InvoiceDto>> ListFastAsync(IReadOnlyList<int> invoiceIds)
    {
        return await _db.Invoices
            .Where(i => invoiceIds.Contains(i.Id))
            .Select(i => new InvoiceDto(i.Id, i.Total))
            .ToListAsync();
    }

    public Task<List<Invoice>> RawAsync()
    {
        return _db.Invoices.FromSqlRaw("SELECT * FROM Invoices WHERE Paid = 1").ToListAsync(); // expect: query-performance/select-star
    }
}

public record InvoiceDto(int Id, decimal Total);
