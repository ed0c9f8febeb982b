using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Clinic.Api.Data;

namespace Clinic.Api.Services;

public sealed record AppointmentDto(Guid Id, DateTimeOffset StartsAt, string DoctorName, string Status);

public sealed class BookAppointmentRequest
{
    [Required]
    public Guid DoctorId { get; init; }

    [Required]
    public DateTimeOffset StartsAt { get; init; }

    [StringLength(500)]
    public string? Reason { get; init; }
}

public sealed class AppointmentService
{
    private readonly ClinicDbContext _db;
    private readonly ILogger<AppointmentService> _logger;

    public AppointmentService(ClinicDbContext db, ILogger<AppointmentService> logger)
    {
        _db = db;
        _logger = logger;
    }

    public async Task<IReadOnlyList<AppointmentDto>> UpcomingAsync(Guid patientId, int take, CancellationToken ct)
    {
        return await _db.Appointments
            .AsNoTracking()
            .Where(a => a.PatientId == patientId && a.StartsAt >= DateTimeOffset.UtcNow)
            .OrderBy(a => a.StartsAt)
            .Take(take)
            .Select(a => new AppointmentDto(a.Id, a.StartsAt, a.Doctor.FullName, a.Status))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Doctor>> DoctorsBySurnamePrefixAsync(string prefix, CancellationToken ct)
    {
        var pattern = prefix.Replace("[", "[[]").Replace("%", "[%]").Replace("_", "[_]") + "%";
        return await _db.Doctors
            .FromSqlInterpolated($"SELECT Id, FullName, Specialty, Surname FROM Doctors WHERE Surname LIKE {pattern}")
            .AsNoTracking()
            .OrderBy(d => d.Surname)
            .Take(50)
            .ToListAsync(ct);
    }

    public async Task<int> CancelManyAsync(Guid patientId, IReadOnlyCollection<Guid> appointmentIds, CancellationToken ct)
    {
        var cancelled = await _db.Appointments
            .Where(a => a.PatientId == patientId && appointmentIds.Contains(a.Id) && a.Status == "booked")
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, "cancelled"), ct);
        _logger.LogInformation("Cancelled {Count} of {Requested} appointments for {PatientId}",
            cancelled, appointmentIds.Count, patientId);
        return cancelled;
    }

    public async Task<long> NoShowCountAsync(Guid doctorId, DateOnly since, CancellationToken ct)
    {
        // The connection belongs to the DbContext: open it if needed, but do not dispose it here.
        var conn = (NpgsqlConnection)_db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open)
        {
            await conn.OpenAsync(ct);
        }
        await using var cmd = new NpgsqlCommand(
            "SELECT COUNT(*) FROM appointments WHERE doctor_id = @doctorId AND status = @status AND starts_at >= @since",
            conn);
        cmd.Parameters.AddWithValue("doctorId", doctorId);
        cmd.Parameters.AddWithValue("status", "no_show");
        cmd.Parameters.AddWithValue("since", since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        return (long)(await cmd.ExecuteScalarAsync(ct) ?? 0L);
    }

    public static string CacheKeyFor(Guid patientId, int take)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"upcoming:{patientId}:{take}"));
        return "appt:" + Convert.ToHexString(bytes, 0, 12);
    }
}

[ApiController]
[Route("api/appointments")]
[Authorize]
public sealed class AppointmentsController : ControllerBase
{
    private readonly AppointmentService _service;
    private readonly ClinicDbContext _db;
    private readonly ILogger<AppointmentsController> _logger;

    public AppointmentsController(AppointmentService service, ClinicDbContext db, ILogger<AppointmentsController> logger)
    {
        _service = service;
        _db = db;
        _logger = logger;
    }

    private Guid PatientId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet]
    public async Task<ActionResult<IReadOnlyList<AppointmentDto>>> Upcoming([FromQuery, Range(1, 50)] int take = 10,
        CancellationToken ct = default)
    {
        return Ok(await _service.UpcomingAsync(PatientId, take, ct));
    }

    [HttpGet("doctors")]
    public async Task<IActionResult> Doctors([FromQuery, Required, StringLength(40, MinimumLength = 1)] string surname,
        CancellationToken ct)
    {
        var doctors = await _service.DoctorsBySurnamePrefixAsync(surname, ct);
        return Ok(doctors.Select(d => new { d.Id, d.FullName, d.Specialty }));
    }

    [HttpPost]
    public async Task<IActionResult> Book([FromBody] BookAppointmentRequest request, CancellationToken ct)
    {
        var appointment = new Appointment
        {
            Id = Guid.NewGuid(),
            PatientId = PatientId,
            DoctorId = request.DoctorId,
            StartsAt = request.StartsAt,
            Reason = request.Reason,
            Status = "booked",
        };
        _db.Appointments.Add(appointment);
        try
        {
            await _db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            _logger.LogWarning(ex, "Booking conflict for {PatientId} with {DoctorId}", PatientId, request.DoctorId);
            return Conflict(new { error = "slot no longer available" });
        }
        _logger.LogInformation("Appointment {AppointmentId} booked for {PatientId}", appointment.Id, PatientId);
        return CreatedAtAction(nameof(Upcoming), new { id = appointment.Id });
    }

    [HttpPost("cancel")]
    public async Task<IActionResult> Cancel([FromBody, MaxLength(20)] Guid[] ids, CancellationToken ct)
    {
        var count = await _service.CancelManyAsync(PatientId, ids, ct);
        return Ok(new { cancelled = count });
    }
}
