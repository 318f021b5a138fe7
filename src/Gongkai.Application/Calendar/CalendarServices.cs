using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Application.Calendar;

/// <summary>The use cases of the working-day calendar (docs/legal.md §5).</summary>
public static class CalendarServices
{
    public static IServiceCollection AddCalendarUseCases(this IServiceCollection services) => services
        .AddScoped<AddHolidayYears>()
        .AddScoped<CountWorkingDays>();
}
