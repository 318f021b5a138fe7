using Gongkai.Domain.Applications;
using Gongkai.Domain.Reports;
using static Gongkai.Domain.Tests.Applications.CaseBuilder;

namespace Gongkai.Domain.Tests.Applications;

/// <summary>Section 三 built from cases (Art. 50(二); docs/legal.md §2.4).</summary>
public class ApplicationsReportBuilderTests
{
    [Fact]
    public void Build_HandMadeCases_CountsEachRowAndColumn()
    {
        ApplicationCase[] cases =
        [
            ReceivedInPerson("2020-12-28", id: "A").Reply("2021-01-15").Build(), // carried over, granted
            ReceivedInPerson("2021-03-01", ApplicantType.CommercialEnterprise, id: "B").Reply("2021-03-10", CaseOutcome.Duplicate).Build(),
            ReceivedInPerson("2021-12-28", id: "C").Build(), // received, carried forward
            ReceivedInPerson("2020-06-01", id: "D").Reply("2020-06-20").Build(), // closed in 2020: not in 2021
            ReceivedInPerson("2021-05-06", ApplicantType.ResearchInstitution, id: "E")
                .RequestSupplement("2021-05-07", "2021-05-21").LapseSupplement("2021-05-24").Build(),
            ReceivedInPerson("2022-01-04", id: "F").Build(), // next year: not counted
            ReceivedInPerson("2021-12-20", ApplicantType.CommercialEnterprise, id: "G").Reply("2022-01-10").Build(),
            Unregistered(id: "H").Build(), // not registered: not counted
        ];

        var table = ApplicationsReportBuilder.Build(cases, 2021, ReportTemplate.Format2021);

        Assert.Equal([1, 2, 1, 0, 0, 0, 4], table[ApplicationRowKeys.Received]); // B, C, E, G
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], table[ApplicationRowKeys.CarriedOver]);
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], table[ApplicationRowKeys.Granted]);
        Assert.Equal([0, 1, 0, 0, 0, 0, 1], table[ApplicationRowKeys.NotProcessedDuplicate]);
        Assert.Equal([0, 0, 1, 0, 0, 0, 1], table[ApplicationRowKeys.OtherNoSupplement]);
        Assert.Equal([1, 1, 1, 0, 0, 0, 3], table[ApplicationRowKeys.TotalHandled]);
        Assert.Equal([1, 1, 0, 0, 0, 0, 2], table[ApplicationRowKeys.CarriedForward]);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0], table[ApplicationRowKeys.PartiallyGranted]);
    }

    [Fact]
    public void Build_2019Template_CountsLapsesInSingleOtherRow()
    {
        ApplicationCase[] cases =
        [
            ReceivedInPerson("2020-05-06", id: "E").RequestSupplement("2020-05-07", "2020-05-21").LapseSupplement("2020-05-22").Build(),
            ReceivedInPerson("2020-05-06", id: "W").Withdraw("2020-05-08").Build(),
        ];

        var table = ApplicationsReportBuilder.Build(cases, 2020, ReportTemplate.Format2019);

        Assert.False(table.HasRow(ApplicationRowKeys.OtherNoSupplement));
        Assert.Equal(2, table[ApplicationRowKeys.OtherOther, ApplicantColumn.Total]);
    }

    [Fact]
    public void Build_AlreadyPublicWithRuleOff_CountsAsOther()
    {
        var cases = new[] { ReceivedInPerson("2021-03-01").Reply("2021-03-05", CaseOutcome.AlreadyPublic).Build() };

        var table = ApplicationsReportBuilder.Build(cases, 2021, ReportTemplate.Format2021, new ReportingRules { AlreadyPublicCountsAsGranted = false });

        Assert.Equal(1, table[ApplicationRowKeys.OtherOther, ApplicantColumn.Total]);
        Assert.Equal(0, table[ApplicationRowKeys.Granted, ApplicantColumn.Total]);
    }

    [Fact]
    public void Fill_GeneratedCasesAcrossYearBoundaries_PassesReportCheckerAndContinuity()
    {
        var cases = CaseGenerator.Generate(seed: 2021, count: 400, from: D("2020-10-01"), to: D("2022-03-31"));
        var reports = new List<AnnualReport>();

        foreach (var year in new[] { 2020, 2021, 2022 })
        {
            var report = new AnnualReport("测试局", year);
            ApplicationsReportBuilder.Fill(report, cases);
            foreach (var group in ReviewLitigationLabels.Groups)
            {
                Array.Fill(report.ReviewLitigation[group], 0);
            }

            Assert.Empty(ReportChecker.Check(report));
            Assert.Equal(cases.Count(c => c.ReceivedOn?.Year == year), report.Applications[ApplicationRowKeys.Received, ApplicantColumn.Total]);
            Assert.Equal(cases.Count(c => c.ClosedOn?.Year == year), report.Applications[ApplicationRowKeys.TotalHandled, ApplicantColumn.Total]);
            reports.Add(report);
        }

        Assert.Empty(ReportChecker.CheckContinuity(reports[0], reports[1]));
        Assert.Empty(ReportChecker.CheckContinuity(reports[1], reports[2]));

        // The generator really crosses year boundaries and uses the lapse rows.
        Assert.True(reports[1].Applications[ApplicationRowKeys.CarriedOver, ApplicantColumn.Total] > 0);
        Assert.True(reports[1].Applications[ApplicationRowKeys.CarriedForward, ApplicantColumn.Total] > 0);
        Assert.True(reports[1].Applications[ApplicationRowKeys.OtherFeeUnpaid, ApplicantColumn.Total] > 0);
        Assert.True(reports[1].Applications[ApplicationRowKeys.OtherNoSupplement, ApplicantColumn.Total] > 0);
        Assert.Equal(ReportTemplate.Format2019, reports[0].Template);
    }

    /// <summary>Random but legal case histories, every step through <see cref="ApplicationCase.Apply"/>.</summary>
    private static class CaseGenerator
    {
        private static readonly CaseOutcome[] ReplyOutcomes =
            [.. Enum.GetValues<CaseOutcome>().Except([CaseOutcome.NoSupplement, CaseOutcome.FeeUnpaid, CaseOutcome.UnclearAfterSupplement])];

        public static List<ApplicationCase> Generate(int seed, int count, DateOnly from, DateOnly to)
        {
            var random = new Random(seed);
            var span = to.DayNumber - from.DayNumber;
            var cases = new List<ApplicationCase>();
            for (var i = 0; i < count; i++)
            {
                var received = from.AddDays(random.Next(span + 1));
                var applicant = ApplicantTypes.All[random.Next(ApplicantTypes.All.Count)];
                var builder = Unregistered(id: $"G{i:D4}")
                    .Then(new Registered(received, Clerk, applicant, Channel.InPerson));
                var later = received.AddDays(random.Next(1, 45));
                switch (random.Next(7))
                {
                    case 0:
                        break; // still open
                    case 1:
                        builder.Then(new SupplementRequested(received, Clerk, received.AddDays(10)))
                            .Then(new SupplementLapsed(received.AddDays(11), Clerk));
                        break;
                    case 2 when received.Year >= 2021:
                        builder.Then(new FeeNoticeSent(received, Clerk, 100m));
                        builder.Then(new FeeLapsed(builder.Build().Fee!.PayBy.AddDays(1), Clerk));
                        break;
                    case 3:
                        builder.Then(new ConsultationStarted(received.AddDays(1), Clerk, ConsultationParty.ThirdParty))
                            .Then(new ConsultationEnded(received.AddDays(15), Clerk))
                            .Then(new Replied(received.AddDays(30), Clerk, CaseOutcome.WithheldThirdPartyRights));
                        break;
                    case 4:
                        builder.Then(new Withdrawn(later, Clerk));
                        break;
                    default:
                        builder.Then(new Replied(later, Clerk, ReplyOutcomes[random.Next(ReplyOutcomes.Length)]));
                        break;
                }

                cases.Add(builder.Build());
            }

            return cases;
        }
    }
}
