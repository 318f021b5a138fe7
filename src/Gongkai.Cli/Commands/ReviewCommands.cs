using System.CommandLine;
using Gongkai.Application.Reviews;
using Gongkai.Domain.Reports;
using Gongkai.Domain.ReviewLitigation;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai review …</c>: administrative review and litigation records (report section 四; Art. 51).</summary>
internal static class ReviewCommands
{
    private static readonly Dictionary<string, ReviewLitigationGroup> Kinds = new(StringComparer.Ordinal)
    {
        ["review"] = ReviewLitigationGroup.Review,
        ["litigation-direct"] = ReviewLitigationGroup.LitigationDirect,
        ["litigation-after-review"] = ReviewLitigationGroup.LitigationAfterReview,
    };

    private static readonly Dictionary<string, ReviewOutcome> Outcomes = new(StringComparer.Ordinal)
    {
        ["upheld"] = ReviewOutcome.Upheld,
        ["corrected"] = ReviewOutcome.Corrected,
        ["other"] = ReviewOutcome.Other,
    };

    public static Command Create(CliOutput output, TimeProvider clock)
    {
        var review = new Command("review", "行政复议、行政诉讼记录（年度报告第四部分）。");
        review.Subcommands.Add(CreateAdd(output, clock));
        return review;
    }

    private static Command CreateAdd(CliOutput output, TimeProvider clock)
    {
        var agency = CliContext.AgencyOption();
        var kind = new Option<string>("--kind") { Description = "review（行政复议）、litigation-direct（未经复议直接起诉）、litigation-after-review（复议后起诉）", Required = true };
        kind.AcceptOnlyFromAmong([.. Kinds.Keys]);
        var filed = DateOption.Create("--filed", "申请复议或起诉的日期，如 2025-03-01", required: true);
        var outcome = new Option<string?>("--outcome") { Description = "审结结果：upheld（维持）、corrected（纠正）、other（其他）；未审结则省略" };
        outcome.AcceptOnlyFromAmong([.. Outcomes.Keys]);
        var concluded = DateOption.Create("--concluded", "审结日期；未审结则省略");
        var caseNumber = new Option<string?>("--case") { Description = "相关的申请编号（如有）" };
        var reference = new Option<string?>("--reference") { Description = "案号" };
        var database = new CliDatabase();
        var add = new Command("add", "登记一件行政复议或行政诉讼。") { agency, kind, filed, outcome, concluded, caseNumber, reference };
        database.AddTo(add);
        add.SetAction(async (parse, cancellationToken) =>
        {
            var filedOn = parse.GetValue(filed)!.Value;
            var concludedOn = parse.GetValue(concluded);

            var group = Kinds[parse.GetValue(kind)!];
            ReviewOutcome? result = parse.GetValue(outcome) is { } o ? Outcomes[o] : null;
            // Checked before the database is opened (the use case checks again): a wrong date is told first, nothing created.
            if (new ReviewLitigationCase(group, filedOn, result, concludedOn).Problem() is { } problem)
            {
                return output.Fail(problem);
            }

            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agency, cancellationToken);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            var recorded = await context.Get<RecordReviewLitigation>().ExecuteAsync(
                new RecordReviewLitigationRequest(context.AgencyId, group, filedOn, result, concludedOn, parse.GetValue(caseNumber), parse.GetValue(reference)), cancellationToken);
            if (recorded.Error is { } error)
            {
                return output.Fail(error);
            }

            output.Out.WriteLine($"已登记{group.Label()}（{CliParsing.Iso(filedOn)}，{(result ?? ReviewOutcome.Pending).Label()}）");
            return ExitCodes.Ok;
        });
        return add;
    }
}
