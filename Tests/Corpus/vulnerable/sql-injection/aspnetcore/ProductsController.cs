using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Shop.Api.Controllers
{
    [ApiController]
    [Route("api/products")]
    public class ProductsController : ControllerBase
    {
        private readonly ShopContext _db;
        private readonly SqlConnection _connection;

        public ProductsController(ShopContext db, SqlConnection connection)
        {
            _db = db;
            _connection = connection;
        }

        [HttpGet]
        public async Task<IActionResult> Search([FromQuery] string name, [FromQuery] string sort = "Name")
        {
            var byName = await _db.Products.FromSqlInterpolated($"SELECT * FROM Products WHERE Name = {name}").ToListAsync();
            var sorted = await _db.Products.FromSqlRaw("SELECT * FROM Products ORDER BY " + sort).ToListAsync(); // expect: input-validation/sql-injection-csharp, query-performance/select-star
            return Ok(new { byName, sorted });
        }

        [HttpGet("{id:int}")]
        public async Task<IActionResult> Get([FromRoute] int id)
        {
            var product = await _connection.QueryFirstOrDefaultAsync<Product>($"SELECT * FROM Products WHERE Id = {id}");
            return product is null ? NotFound() : Ok(product);
        }

        [HttpGet("by-sku/{sku}")]
        public async Task<IActionResult> BySku([FromRoute] string sku)
        {
            var safe = await _connection.QueryAsync<Product>("SELECT * FROM Products WHERE Sku = @sku", new { sku });  // expect: query-performance/select-star
            var unsafeRows = await _connection.QueryAsync<Product>($"SELECT * FROM Products WHERE Sku = '{sku}'"); // expect: input-validation/sql-injection-csharp
            return Ok(safe.Concat(unsafeRows));
        }

        [HttpDelete("{code}")]
        public IActionResult Delete([FromRoute] string code)
        {
            using var cmd = new SqlCommand("DELETE FROM Products WHERE Code = @code", _connection);
            cmd.Parameters.AddWithValue("@code", code);
            cmd.ExecuteNonQuery();
            using var legacy = _connection.CreateCommand();
            legacy.CommandText = "DELETE FROM ProductTags WHERE Code = '" + code + "'"; // expect: input-validation/sql-injection-csharp
            legacy.ExecuteNonQuery();
            return NoContent();
        }

        [HttpGet("report")]
        public IActionResult Report()
        {
            var region = Request.Query["region"].ToString();
            using var cmd = new SqlCommand($"SELECT * FROM Sales WHERE Region = '{region}'", _connection); // expect: input-validation/sql-injection-csharp
            using var reader = cmd.ExecuteReader();
            return Ok(reader.HasRows);
        }
    }
}
