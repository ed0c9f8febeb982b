[ApiController]
[Route("api/[controller]")]
public class ItemsController : ControllerBase {
  [HttpGet("{id}")]
  public IActionResult Get(int id) => Ok();
}
app.MapGroup("/v2").MapPost("/x", () => 1);
