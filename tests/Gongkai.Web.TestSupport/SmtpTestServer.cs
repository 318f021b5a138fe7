using System.Text;
using MimeKit;
using netDumbster.smtp;

namespace Gongkai.Web.Tests.Support;

/// <summary>
/// A real SMTP server on a free loopback port (netDumbster), for tests where Gongkai sends mail: the messages it
/// received, parsed with MimeKit, and the settings that point the app at it.
/// </summary>
public sealed class SmtpTestServer : IDisposable
{
    private readonly SimpleSmtpServer _server;

    public SmtpTestServer(int? port = null)
    {
        _server = port is { } p ? SimpleSmtpServer.Start(p) : SimpleSmtpServer.Start();
    }

    public int Port => _server.Configuration.Port;

    /// <summary>The app's <c>Mail:*</c> settings for this server (sender 公开办, polled every 0.2 s).</summary>
    public static Dictionary<string, string?> SettingsFor(int port) => new()
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:From"] = "gongkai@example.gov.cn",
        ["Mail:Security"] = "None",
        ["Mail:PollSeconds"] = "0.2",
    };

    public Dictionary<string, string?> Settings => SettingsFor(Port);

    /// <summary>The messages received so far.</summary>
    public IReadOnlyList<MimeMessage> Messages =>
        [.. _server.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))];

    /// <summary>Waits until at least <paramref name="count"/> messages arrived (fails after <paramref name="seconds"/>).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, double seconds = 20)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (_server.ReceivedEmailCount < count)
        {
            Assert.True(watch.Elapsed.TotalSeconds < seconds, $"SMTP server received {_server.ReceivedEmailCount} of {count} messages in {seconds} s");
            await Task.Delay(100);
        }

        return Messages;
    }

    public void Dispose() => _server.Stop();
}
