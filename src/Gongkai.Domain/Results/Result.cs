namespace Gongkai.Domain.Results;

/// <summary>
/// An expected failure of a use case, as a value (CONVENTIONS.md rule 3): the one error model of Gongkai. The web maps
/// it to a message beside the field or ProblemDetails, the command line to a message on stderr and exit code 2 — each
/// in one place. <see cref="Message"/> is Chinese, for people.
/// </summary>
public abstract record Error(string Message);

/// <summary>The input or the step is not allowed; <see cref="Field"/> names the form field, column or row when there is one.</summary>
public sealed record Refused(string Message, string? Field = null) : Error(Message);

/// <summary>No such thing (in the caller's agency).</summary>
public sealed record NotFound(string Message) : Error(Message);

/// <summary>Someone else changed the record since the person saw it; the message says what changed.</summary>
public sealed record Conflict(string Message) : Error(Message);

/// <summary>The caller may not do this.</summary>
public sealed record Forbidden(string Message) : Error(Message);

/// <summary>The outcome of a use case: a value, or an <see cref="Error"/>.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value when the use case succeeded.</summary>
    public T? Value { get; }

    /// <summary>The failure, or null when the use case succeeded.</summary>
    public Error? Error { get; }

    public bool Succeeded => Error is null;

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(Error error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    public static implicit operator Result<T>(Error error) => Fail(error);

    /// <summary>Runs <paramref name="next"/> on the value, or passes the failure on.</summary>
    public Result<TNext> Then<TNext>(Func<T, Result<TNext>> next) => Error is null ? next(Value!) : Result<TNext>.Fail(Error);

    /// <summary>Maps the value, or passes the failure on.</summary>
    public Result<TNext> Map<TNext>(Func<T, TNext> map) => Error is null ? Result<TNext>.Ok(map(Value!)) : Result<TNext>.Fail(Error);
}

/// <summary>Shorthands for building results.</summary>
public static class Result
{
    public static Result<T> Ok<T>(T value) => Result<T>.Ok(value);
}
