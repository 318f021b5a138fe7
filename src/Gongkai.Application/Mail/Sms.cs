using Microsoft.Extensions.Logging;

namespace Gongkai.Application.Mail;

/// <summary>A text message (短信) gateway. The default writes each message to the log; an office plugs in its provider's.</summary>
public interface ISmsGateway
{
    Task SendAsync(string phone, string text, CancellationToken cancellationToken = default);
}

/// <summary>The default gateway: no SMS provider configured, so each message is written to the log (Information).</summary>
public sealed partial class LogSmsGateway(ILogger<LogSmsGateway> logger) : ISmsGateway
{
    public Task SendAsync(string phone, string text, CancellationToken cancellationToken = default)
    {
        Log(logger, phone, text);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "短信（未配置短信服务，仅记录）：{Phone} {Text}")]
    private static partial void Log(ILogger logger, string phone, string text);
}
