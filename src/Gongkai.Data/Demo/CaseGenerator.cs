using System.Globalization;
using System.Text;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Text;

namespace Gongkai.Data.Demo;

/// <summary>
/// The one generator of realistic cases, for the benchmarks and the web application's demo data: who applies
/// (mostly citizens), how cases end (the shares the sample reports show: most granted or not held), through which
/// channel, by whom and about what. Ledgers are received across a year and closed 3–45 days later, a few still open
/// at the end. Deterministic for a seed.
/// </summary>
public sealed class CaseGenerator(int seed = 2025, IReadOnlyList<string>? topics = null)
{
    private static readonly (ApplicantType Type, int Weight)[] Applicants =
    [
        (ApplicantType.NaturalPerson, 80), (ApplicantType.CommercialEnterprise, 8), (ApplicantType.LegalServiceInstitution, 6),
        (ApplicantType.ResearchInstitution, 1), (ApplicantType.PublicInterestOrganization, 1), (ApplicantType.OtherOrganization, 4),
    ];

    /// <summary>How cases end, replies and 逾期不补正 alike (a ledger records both).</summary>
    private static readonly (CaseOutcome Outcome, int Weight)[] Outcomes =
    [
        (CaseOutcome.Granted, 35), (CaseOutcome.NotHeld, 20), (CaseOutcome.PartiallyGranted, 8), (CaseOutcome.NeedsCreation, 6),
        (CaseOutcome.Duplicate, 5), (CaseOutcome.PetitionComplaint, 5), (CaseOutcome.WithheldThirdPartyRights, 4),
        (CaseOutcome.WithheldProcessInformation, 3), (CaseOutcome.NoSupplement, 4), (CaseOutcome.Other, 4), (CaseOutcome.AlreadyPublic, 4),
        (CaseOutcome.Publication, 2), (CaseOutcome.Confirmation, 2), (CaseOutcome.WithheldEnforcementCaseFile, 2),
    ];

    /// <summary>
    /// How replies (答复, Art. 36) end: the same shares without 逾期不补正, which is no reply but a lapse the case
    /// records when the supplement period ends (Art. 30).
    /// </summary>
    private static readonly (CaseOutcome Outcome, int Weight)[] ReplyOutcomes = [.. Outcomes.Where(o => o.Outcome != CaseOutcome.NoSupplement)];

    private static readonly (Channel Channel, int Weight)[] Channels =
    [
        (Channel.Online, 45), (Channel.InPerson, 15), (Channel.SignedPost, 15), (Channel.Email, 10), (Channel.OrdinaryPost, 8), (Channel.Fax, 5), (Channel.Other, 2),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"];
    private static readonly string[] HealthTopics = ["医疗机构执业许可", "卫生监督抽检结果", "公立医院财务收支", "疫苗接种点名单", "职业病诊断机构", "行政处罚决定书", "院内感染调查报告", "医疗纠纷处理情况"];
    private readonly Random _random = new(seed);

    /// <summary>What applicants ask about: the given agency's subjects (default: a health bureau's).</summary>
    private readonly IReadOnlyList<string> _topics = topics is { Count: > 0 } ? topics : HealthTopics;

    /// <summary>Who applies next.</summary>
    public ApplicantType NextApplicant() => Pick(Applicants);

    /// <summary>How the next reply ends (never 逾期不补正, see <see cref="ReplyOutcomes"/>).</summary>
    public CaseOutcome NextReplyOutcome() => Pick(ReplyOutcomes);

    /// <summary>The next applicant's name: a surname, 某, and <paramref name="number"/>.</summary>
    public string NextName(int number) => Surnames[_random.Next(Surnames.Length)] + "某" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the next applicant asks for.</summary>
    public string NextRequest() => "申请公开" + _topics[_random.Next(_topics.Count)] + "的相关信息";

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>), for the demo's identity and phone numbers and days.</summary>
    public int Next(int min, int max) => _random.Next(min, max);

    /// <summary><paramref name="count"/> cases received in <paramref name="year"/> (and the last weeks of the year before).</summary>
    public IEnumerable<LedgerRow> Cases(int count, int year)
    {
        var start = new DateOnly(year - 1, 12, 1);
        var days = new DateOnly(year, 12, 31).DayNumber - start.DayNumber;
        for (var i = 0; i < count; i++)
        {
            var received = start.AddDays(_random.Next(days + 1));
            var closed = received.AddDays(3 + _random.Next(43));
            var open = closed.Year > year || _random.Next(100) < 3;
            yield return Row(i, received, () => Channel.Online, () => open ? null : closed, () => open ? null : Pick(Outcomes));
        }
    }

    /// <summary>
    /// <paramref name="count"/> closed cases received on days between <paramref name="from"/> and <paramref name="to"/>
    /// (inclusive) through the usual channels, each closed 3–30 days after it was received.
    /// </summary>
    public IEnumerable<LedgerRow> ClosedCases(int count, DateOnly from, DateOnly to)
    {
        var span = to.DayNumber - from.DayNumber;
        for (var i = 0; i < count; i++)
        {
            var received = from.AddDays(_random.Next(span + 1));
            yield return Row(i, received, () => Pick(Channels), () => received.AddDays(3 + _random.Next(28)), () => Pick(Outcomes));
        }
    }

    /// <summary>
    /// The ledger row of case <paramref name="i"/> (file row i + 2, after the header): applicant, name, then
    /// <paramref name="channel"/>, the subject, <paramref name="closed"/> and <paramref name="outcome"/> drawn in this
    /// order, so that a seed always gives the same cases.
    /// </summary>
    private LedgerRow Row(int i, DateOnly received, Func<Channel> channel, Func<DateOnly?> closed, Func<CaseOutcome?> outcome) => new(
        i + 2,
        null,
        received,
        Pick(Applicants),
        NextName(i % 100),
        channel(),
        "申请公开" + _topics[_random.Next(_topics.Count)],
        closed(),
        outcome());

    /// <summary>The same cases as a ledger CSV file with the header, as Excel would save it (UTF-8 with BOM).</summary>
    public static string Csv(IEnumerable<LedgerRow> cases)
    {
        var csv = new StringBuilder("\uFEFF申请编号,收到日期,申请人类型,申请人,申请方式,申请内容,办结日期,办理结果\n");
        foreach (var c in cases)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{c.Number},{DateText.Iso(c.ReceivedOn)},{c.ApplicantType.Label()},{c.ApplicantName},{c.Channel?.Label()},{c.Request},");
            csv.Append(DateText.Iso(c.ClosedOn)).Append(',').Append(c.Outcome?.Label()).Append('\n');
        }

        return csv.ToString();
    }

    private T Pick<T>((T Value, int Weight)[] choices)
    {
        var roll = _random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }
}
