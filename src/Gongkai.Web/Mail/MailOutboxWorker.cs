using Gongkai.Application.Mail;
using Gongkai.Web.Infrastructure;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Gongkai.Web.Mail;

/// <summary>
/// Sends the mail outbox (<see cref="MailOutbox"/>) through the configured SMTP server with MailKit: claims a few
/// messages with a lease (safe with several instances on one database), sends each, marks it sent or — when the server
/// refuses or cannot be reached — leaves it with its error for a later attempt. Does nothing while no server is set.
/// </summary>
public sealed partial class MailOutboxWorker(IServiceScopeFactory scopes, IOptionsMonitor<MailOptions> options, ILogger<MailOutboxWorker> logger) : BackgroundService
{
    /// <summary>This instance's name in claims.</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await PollingLoop.RunAsync(
            async token =>
            {
                if (options.CurrentValue.Configured)
                {
                    await SendDueAsync(token);
                }
            },
            () => TimeSpan.FromSeconds(options.CurrentValue.PollSeconds), e => LogRoundFailed(logger, e), stoppingToken);
    }

    /// <summary>One round: claims what is due and sends it; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        using var scope = scopes.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
        var batch = await outbox.ClaimAsync(WorkerId, 20, TimeSpan.FromMinutes(5), cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var sent = 0;
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, Enum.TryParse<SecureSocketOptions>(settings.Security, true, out var s) ? s : SecureSocketOptions.Auto, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var m in batch)
            {
                await outbox.MarkFailedAsync(m.Id, WorkerId, m.Attempts, "无法连接邮件服务器：" + e.Message, cancellationToken);
            }

            LogSendFailed(logger, settings.Host ?? string.Empty, e.Message);
            return 0;
        }

        foreach (var m in batch)
        {
            try
            {
                await client.SendAsync(Message(settings, m), cancellationToken);
                await outbox.MarkSentAsync(m.Id, WorkerId, cancellationToken);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await outbox.MarkFailedAsync(m.Id, WorkerId, m.Attempts, e.Message, cancellationToken);
                LogSendFailed(logger, m.To, e.Message);
            }
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
        return sent;
    }

    private static MimeMessage Message(MailOptions settings, OutgoingMail m)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From!));
        message.To.Add(MailboxAddress.Parse(m.To));
        message.Subject = m.Subject;
        var body = new BodyBuilder { TextBody = m.Body };
        foreach (var a in m.Attachments)
        {
            body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "邮件发送一轮失败，稍后重试")]
    private static partial void LogRoundFailed(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "邮件未能发送（{Target}）：{Error}；邮件保留在待发队列中，稍后重试")]
    private static partial void LogSendFailed(ILogger logger, string target, string error);
}
