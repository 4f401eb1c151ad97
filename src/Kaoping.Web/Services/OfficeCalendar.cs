using Microsoft.Extensions.Options;

namespace Kaoping.Web.Services;

/// <summary>Today as the office counts days: deadlines end at midnight in its time zone, whatever the server's clock says.</summary>
public sealed class OfficeCalendar(TimeProvider clock, IOptions<KaopingOptions> options)
{
    private readonly TimeZoneInfo _zone = FindZone(options.Value.TimeZone);

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone).DateTime);

    /// <summary>A moment as the office's clock shows it.</summary>
    public string Show(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, _zone).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Local;
        }
    }
}
