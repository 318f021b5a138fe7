using Gongkai.Application.Agencies;
using Gongkai.Application.Article20;
using Gongkai.Application.Cases;
using Gongkai.Application.Catalog;
using Gongkai.Application.Portal;
using Gongkai.Application.Register;
using Gongkai.Application.Reports;
using Gongkai.Application.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Application;

/// <summary>Registers the use cases; the web application and the command line call this once.</summary>
public static class ApplicationServices
{
    public static IServiceCollection AddGongkaiApplication(this IServiceCollection services)
    {
        // Use cases are registered per feature below, one line per feature folder.
        services.AddCaseUseCases();
        services.AddGongkaiCatalog();
        services.AddCatalogCategoryUseCases();
        services.AddRegisterUseCases();
        services.AddArticle20UseCases();
        services.AddAgencyUseCases();
        Supervision.SupervisionServices.AddSupervisionUseCases(services);
        services.AddPortalUseCases();
        services.AddRulesUseCases();
        Calendar.CalendarServices.AddCalendarUseCases(services);
        Reviews.ReviewServices.AddReviewUseCases(services);
        services.AddReportUseCases();
        Reminders.ReminderServices.AddReminderUseCases(services);
        Staff.StaffServices.AddStaffUseCases(services);
        return services;
    }
}
