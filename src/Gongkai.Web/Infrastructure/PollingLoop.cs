namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The loop of a background worker that works in rounds (the mail outbox, the reminder digest): runs a round, logs a
/// failed one and tries again at the next (the database may be briefly unreachable; a round leaves nothing half-done),
/// waits the interval, and stops quietly when the application stops.
/// </summary>
public static class PollingLoop
{
    /// <summary>The shortest wait between rounds, whatever the setting says.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(0.2);

    public static async Task RunAsync(Func<CancellationToken, Task> round, Func<TimeSpan> interval, Action<Exception> roundFailed, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(interval);
        ArgumentNullException.ThrowIfNull(roundFailed);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await round(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                roundFailed(e);
            }

            try
            {
                var wait = interval();
                await Task.Delay(wait < MinimumInterval ? MinimumInterval : wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
