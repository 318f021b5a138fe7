using Gongkai.Domain.Results;

namespace Gongkai.TestSupport;

/// <summary>For a test step that must succeed: its value, or the test fails with the error's kind and Chinese message.</summary>
public static class ResultChecks
{
    public static T OrFail<T>(this Result<T> result) =>
        result.Error is { } error ? throw new InvalidOperationException($"Expected success, got {error.GetType().Name}: {error.Message}") : result.Value!;

    public static async Task<T> OrFail<T>(this Task<Result<T>> result) => (await result).OrFail();
}
