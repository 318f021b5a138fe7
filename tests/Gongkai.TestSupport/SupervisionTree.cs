using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Reports;

namespace Gongkai.TestSupport;

/// <summary>
/// A supervising agency's tree for tests, written straight into the tables the roll-up and the dashboard read:
/// the root (an existing agency, or a new 示范县人民政府) with a town, a department, a body of kind 其他 and a
/// grandchild under the town; cases of every outcome and applicant type spread over them (received in the year or
/// before, closed in the year, before it, after it, or still open and overdue), review and litigation records, a
/// register entry and Art. 20 figures, and for the department an imported published report.
/// </summary>
public sealed class SupervisionTree
{
    public required AgencyRecord Root { get; init; }

    public required AgencyRecord Town { get; init; }

    public required AgencyRecord Department { get; init; }

    public required AgencyRecord Unknown { get; init; }

    public required AgencyRecord Village { get; init; }

    /// <summary>The imported report of <see cref="Department"/> (published 2026-01-20).</summary>
    public required AnnualReport Imported { get; init; }

    /// <summary>Open cases past their reply date, per agency id.</summary>
    public required IReadOnlyDictionary<int, int> OverdueCases { get; init; }

    public IReadOnlyList<AgencyRecord> All => [Root, Town, Department, Unknown, Village];

    /// <summary>Builds the tree for report year <paramref name="year"/> under <paramref name="root"/> (null: a new government).</summary>
    public static async Task<SupervisionTree> CreateAsync(GongkaiDbContext db, int year, DateOnly today, AgencyRecord? root = null)
    {
        var now = DateTimeOffset.UnixEpoch;
        if (root is null)
        {
            root = new AgencyRecord { Code = "sfx", Name = "示范县人民政府", Kind = "government", CreatedAt = now };
            db.Agencies.Add(root);
            await db.SaveChangesAsync();
        }

        AgencyRecord Child(string code, string name, string kind, AgencyRecord parent) =>
            new() { Code = code, Name = name, Kind = kind, ParentId = parent.Id, CreatedAt = now };
        var town = Child("cgz", "城关镇人民政府", "town", root);
        var department = Child("jyj", "示范县教育局", "department", root);
        var unknown = Child("zx", "示范县档案中心", "other", root);
        db.Agencies.AddRange(town, department, unknown);
        await db.SaveChangesAsync();
        var village = Child("cgzsq", "城关镇东街社区", "other", town);
        db.Agencies.Add(village);
        await db.SaveChangesAsync();

        var counted = new[] { root, town, unknown, village, department };
        var outcomes = Enum.GetValues<CaseOutcome>();
        var applicants = Enum.GetValues<ApplicantType>();
        var number = 0;
        var overdue = new Dictionary<int, int>();
        CaseRecord Case(AgencyRecord agency, ApplicantType applicant, DateOnly received, DateOnly? closed, CaseOutcome? outcome, DateOnly? due = null) => new()
        {
            AgencyId = agency.Id,
            Number = $"T-{++number:D5}",
            ApplicantType = applicant.ToString(),
            ApplicantName = "申请人" + number,
            Channel = nameof(Channel.InPerson),
            Request = "申请公开" + number + "号文件",
            ReceivedOn = received,
            Status = closed is null ? "Open" : "Closed",
            ClosedOn = closed,
            Outcome = outcome?.ToString(),
            ReplyDue = due ?? received.AddDays(28),
            Version = 1,
            CreatedAt = now,
        };

        var start = new DateOnly(year, 1, 1);
        for (var i = 0; i < outcomes.Length * 2; i++)
        {
            var agency = counted[i % counted.Length];
            var applicant = applicants[i % applicants.Length];
            var outcome = outcomes[i % outcomes.Length];
            // Received and closed in the year; carried over from the year before and closed in it.
            db.Cases.Add(Case(agency, applicant, start.AddDays(10 + i), start.AddDays(40 + i), outcome));
            db.Cases.Add(Case(agency, applicants[(i + 1) % applicants.Length], start.AddDays(-20 + (i % 5)), start.AddDays(15 + i), outcome));
        }

        foreach (var (agency, k) in counted.Select((a, k) => (a, k)))
        {
            // Closed before the year (not counted), closed after it (carried forward), received after it (not counted).
            db.Cases.Add(Case(agency, ApplicantType.NaturalPerson, start.AddYears(-1).AddDays(5), start.AddYears(-1).AddDays(30), CaseOutcome.Granted));
            db.Cases.Add(Case(agency, ApplicantType.CommercialEnterprise, start.AddDays(350), start.AddYears(1).AddDays(10), CaseOutcome.NotHeld));
            db.Cases.Add(Case(agency, ApplicantType.NaturalPerson, today.AddDays(-3), null, null, due: today.AddDays(20)));
            // Still open: k of them overdue today.
            for (var j = 0; j < k; j++)
            {
                db.Cases.Add(Case(agency, ApplicantType.ResearchInstitution, start.AddDays(300 + j), null, null, due: today.AddDays(-1 - j)));
            }

            overdue[agency.Id] = k;
            db.ReviewLitigation.Add(new ReviewLitigationRecord { AgencyId = agency.Id, Kind = "review", FiledOn = start.AddDays(60 + k), Outcome = k % 2 == 0 ? "upheld" : "pending", ConcludedOn = k % 2 == 0 ? start.AddDays(120) : null });
            db.ReviewLitigation.Add(new ReviewLitigationRecord { AgencyId = agency.Id, Kind = "litigationDirect", FiledOn = start.AddDays(-30), Outcome = "corrected", ConcludedOn = start.AddDays(90) });
            db.NormativeDocuments.Add(new NormativeDocumentRecord { AgencyId = agency.Id, Kind = "normative", Title = $"{agency.Name}规范性文件{k}", IssuedOn = start.AddDays(100 + k), PublishedOn = start.AddDays(105 + k) });
            db.Article20Figures.Add(new Article20FigureRecord { AgencyId = agency.Id, Year = year, RowKey = "administrativeLicensing", Decisions = 10 + k, UpdatedAt = now });
        }

        await db.SaveChangesAsync();

        // The department's report was published elsewhere and imported: its figures are its own, not the records'.
        var imported = new ReportBuilder(department.Name, year)
            .WithApplications(ApplicantColumn.NaturalPerson, 40, 2, (ApplicationRowKeys.Granted, 30), (ApplicationRowKeys.UnavailableNotHeld, 10))
            .WithApplications(ApplicantColumn.CommercialEnterprise, 5, 0, (ApplicationRowKeys.PartiallyGranted, 4))
            .WithReview(ReviewLitigationGroup.Review, ReviewOutcome.Upheld, 2)
            .WithSections()
            .Build();
        imported.PublishedOn = new DateOnly(year + 1, 1, 20);
        imported.Article20["administrativeLicensing", "decisions"] = Article20Value.Of(77);
        db.AnnualReports.Add(new AnnualReportRecord { AgencyId = department.Id, Year = year, Json = ReportJson.Write(imported), Status = "imported", UpdatedAt = now });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return new SupervisionTree
        {
            Root = root,
            Town = town,
            Department = department,
            Unknown = unknown,
            Village = village,
            Imported = imported,
            OverdueCases = overdue,
        };
    }
}
