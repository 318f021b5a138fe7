using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Application.Cases;

/// <summary>The 依申请公开 use cases, one class per action, and what they share (the cached calendar, the query-code key).</summary>
public static class CaseServices
{
    public static IServiceCollection AddCaseUseCases(this IServiceCollection services)
    {
        services.AddSingleton<CaseCalendar>();
        services.AddSingleton<QueryCodes>();
        services.AddScoped<RegisterCase>();
        services.AddScoped<SubmitOnlineApplication>();
        services.AddScoped<ConfirmOnlineApplication>();
        services.AddScoped<RecordCaseStep>();
        services.AddScoped<RequestExtension>();
        services.AddScoped<DecideExtension>();
        services.AddScoped<GenerateNotice>();
        services.AddScoped<SaveNoticeTemplate>();
        services.AddScoped<ImportLedger>();
        services.AddScoped<LookUpApplication>();
        services.AddScoped<SubmitSupplement>();
        services.AddScoped<WithdrawApplication>();
        services.AddScoped<IssueReceipt>();
        services.AddScoped<ReadSupplements>();
        services.AddScoped<Gongkai.Application.Mail.MailOutbox>();
        services.AddScoped<Gongkai.Application.Mail.IMailOutbox>(sp => sp.GetRequiredService<Gongkai.Application.Mail.MailOutbox>());
        services.AddSingleton<Gongkai.Application.Mail.ISmsGateway, Gongkai.Application.Mail.LogSmsGateway>();
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton(services, Gongkai.Application.Mail.MailLimits.Default);
        services.AddScoped<ShowCase>();
        services.AddScoped<LocateCase>();
        services.AddScoped<CountWorklist>();
        services.AddScoped<ListWorkCases>();
        services.AddScoped<ListWorklistQueues>();
        services.AddScoped<ReplyToCase>();
        services.AddScoped<SendFeeNotice>();
        services.AddScoped<DeliverReply>();
        services.AddScoped<LookUpReply>();
        services.AddScoped<DownloadCaseNotice>();
        services.AddScoped<ShowOnlineApplication>();
        services.AddScoped<ReadOnlineProof>();
        services.AddScoped<ListNoticeTemplates>();
        services.AddScoped<AssignCaseHandler>();
        services.AddScoped<AssignCases>();
        services.AddScoped<ListCaseHandlers>();
        return services;
    }
}
