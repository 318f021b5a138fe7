namespace Gongkai.Domain.Applications;

/// <summary>The result of <see cref="ApplicationCase.Apply"/>: the new case, or a refusal. Expected failures are values.</summary>
public abstract record CaseStepResult
{
    /// <summary>Whether the step was accepted.</summary>
    public bool IsAccepted => this is StepAccepted;

    /// <summary>The new case when accepted.</summary>
    public bool TryGetCase(out ApplicationCase applicationCase)
    {
        applicationCase = (this as StepAccepted)?.Case!;
        return this is StepAccepted;
    }
}

/// <summary>The step was legal; <paramref name="Case"/> includes it.</summary>
public sealed record StepAccepted(ApplicationCase Case) : CaseStepResult;

/// <summary>The step was refused; <paramref name="Reason"/> says why, in Chinese, citing the article.</summary>
public sealed record StepRefused(CaseEvent Event, string Reason) : CaseStepResult;
