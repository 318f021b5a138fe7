using Gongkai.Application.Reminders;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Reminders;

/// <summary>
/// Runs the daily reminder digest (<see cref="SendReminderDigests"/>) once the day's digest time has come (China time,
/// <see cref="ReminderOptions.DigestTime"/>); checks again every <see cref="ReminderOptions.PollSeconds"/>. Every
/// instance runs this worker; the day's row in the database lets exactly one of them send, so it is safe behind a
/// load balancer and across restarts. The clock is the injected <see cref="TimeProvider"/> (tests move it).
/// </summary>
public sealed partial class ReminderDigestWorker(IServiceScopeFactory scopes, IOptionsMonitor<ReminderOptions> options, TimeProvider clock, ILogger<ReminderDigestWorker> logger) : BackgroundService
{
    /// <summary>This instance's name in the digest rows.</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Fail at start, with the setting named, rather than never sending.
        _ = options.CurrentValue.Time;
        await PollingLoop.RunAsync(
            RunIfDueAsync, () => TimeSpan.FromSeconds(options.CurrentValue.PollSeconds), e => LogRoundFailed(logger, e), stoppingToken);
    }

    /// <summary>Sends today's digests when the digest time has passed and no instance has sent them yet.</summary>
    public async Task<DigestRun> RunIfDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = TimeOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaTime.Offset).DateTime);
        if (now < settings.Time)
        {
            return new DigestRun(false, 0, 0);
        }

        using var scope = scopes.CreateScope();
        var run = await scope.ServiceProvider.GetRequiredService<SendReminderDigests>().ExecuteAsync(WorkerId, settings.SiteUrl, cancellationToken);
        if (run.Sent)
        {
            LogSent(logger, run.Messages, run.SkippedNoEmail);
        }

        return run;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "到期提醒邮件本轮未能生成，稍后重试")]
    private static partial void LogRoundFailed(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Information, Message = "今日到期提醒：已放入待发邮件{Messages}封；{Skipped}人没有电子邮箱，未发送")]
    private static partial void LogSent(ILogger logger, int messages, int skipped);
}
