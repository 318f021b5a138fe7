using System.Globalization;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Applications;

/// <summary>
/// Builds a case step by step through <see cref="ApplicationCase.Apply"/>, failing the test if a step it expects to
/// be legal is refused. <see cref="Refuses"/> returns the refusal of a step expected to be illegal.
/// </summary>
internal sealed class CaseBuilder
{
    public const string Clerk = "clerk-01";
    public const string Head = "head-01";

    private ApplicationCase _case;

    private CaseBuilder(ApplicationCase applicationCase) => _case = applicationCase;

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An empty, unregistered case.</summary>
    public static CaseBuilder Unregistered(IWorkingDayCalendar? calendar = null, CaseRules? rules = null, string id = "2025-0001") =>
        new(ApplicationCase.New(id, calendar ?? ChineseWorkingDayCalendar.Default, rules));

    /// <summary>A case handed in on <paramref name="receivedOn"/> (Art. 31: in person, so that is the date of receipt).</summary>
    public static CaseBuilder ReceivedInPerson(
        string receivedOn,
        ApplicantType applicant = ApplicantType.NaturalPerson,
        IWorkingDayCalendar? calendar = null,
        CaseRules? rules = null,
        string id = "2025-0001") =>
        Unregistered(calendar, rules, id).Then(new Registered(D(receivedOn), Clerk, applicant, Channel.InPerson));

    public CaseBuilder Then(CaseEvent e)
    {
        var result = _case.Apply(e);
        if (result is StepRefused refused)
        {
            Assert.Fail($"{e.Name} {e.Date} was refused: {refused.Reason}");
        }

        Assert.True(result.TryGetCase(out _case));
        return this;
    }

    public CaseBuilder RequestSupplement(string on, string respondBy) => Then(new SupplementRequested(D(on), Clerk, D(respondBy)));

    public CaseBuilder ReceiveSupplement(string on) => Then(new SupplementReceived(D(on), Clerk));

    public CaseBuilder LapseSupplement(string on) => Then(new SupplementLapsed(D(on), Clerk));

    public CaseBuilder StartConsultation(string on, ConsultationParty party = ConsultationParty.ThirdParty) =>
        Then(new ConsultationStarted(D(on), Clerk, party));

    public CaseBuilder EndConsultation(string on) => Then(new ConsultationEnded(D(on), Clerk));

    public CaseBuilder Extend(string on, int workingDays = 20) => Then(new Extended(D(on), Clerk, workingDays, Head));

    public CaseBuilder SendFeeNotice(string on, decimal amount = 100m, string? receivedOn = null) =>
        Then(new FeeNoticeSent(D(on), Clerk, amount, receivedOn is null ? null : D(receivedOn)));

    public CaseBuilder PayFee(string on) => Then(new FeePaid(D(on), Clerk));

    public CaseBuilder LapseFee(string on) => Then(new FeeLapsed(D(on), Clerk));

    public CaseBuilder Assign(string on, string department) => Then(new Assigned(D(on), Clerk, department));

    public CaseBuilder Transfer(string on, string department) => Then(new Transferred(D(on), Clerk, department));

    public CaseBuilder Reply(string on, CaseOutcome outcome = CaseOutcome.Granted) => Then(new Replied(D(on), Clerk, outcome));

    public CaseBuilder Withdraw(string on) => Then(new Withdrawn(D(on), Clerk));

    public ApplicationCase Build() => _case;

    /// <summary>Applies a step expected to be illegal; returns the reason, and checks the case is unchanged.</summary>
    public string Refuses(CaseEvent e)
    {
        var result = _case.Apply(e);
        var refused = Assert.IsType<StepRefused>(result);
        Assert.Same(e, refused.Event);
        Assert.False(string.IsNullOrWhiteSpace(refused.Reason));
        return refused.Reason;
    }
}
