using Gongkai.Application.Reports;
using Gongkai.Documents.Rendering;
using Gongkai.Domain.Reports;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;

namespace Gongkai.Web.Reports;

/// <summary>Report files (DOCX, PDF, HTML) for the portal and the back office, and the report API.</summary>
public static class ReportEndpoints
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapReportFiles(this IEndpointRouteBuilder app)
    {
        // The portal: published reports only, in the root government's column and in every agency's.
        MapPublishedFiles(app.MapGroup("/reports").AllowAnonymous());
        MapPublishedFiles(app.MapGroup("/" + AgencyColumns.Prefix + "/reports").AllowAnonymous());

        // The back office: the working copy, whatever its status, signed with the date it would carry if published
        // today (成文日期) when it has none yet.
        var staff = app.MapGroup("/staff/reports").RequireAuthorization(StaffPolicies.Staff);
        staff.MapGet("/{year:int}/report.docx", async (int year, CurrentAgency agency, IReportSource source, AnnualReportStore store, CancellationToken ct) =>
            Docx(Dated(await source.LoadAsync(await agency.GetAsync(ct), year, ct), store)));
        staff.MapGet("/{year:int}/report.pdf", async (int year, CurrentAgency agency, IReportSource source, AnnualReportStore store, CancellationToken ct) =>
            Pdf(Dated(await source.LoadAsync(await agency.GetAsync(ct), year, ct), store)));
        staff.MapGet("/{year:int}/report.html", async (int year, CurrentAgency agency, IReportSource source, AnnualReportStore store, CancellationToken ct) =>
            Html(Dated(await source.LoadAsync(await agency.GetAsync(ct), year, ct), store)));
    }

    private static void MapPublishedFiles(RouteGroupBuilder portal)
    {
        portal.MapGet("/{year:int}/report.docx", async (int year, CurrentAgency agency, AnnualReportStore store, CancellationToken ct) =>
            await PublishedAsync(year, agency, store, ct) is { } report ? Docx(report) : Results.NotFound());
        portal.MapGet("/{year:int}/report.pdf", async (int year, CurrentAgency agency, AnnualReportStore store, CancellationToken ct) =>
            await PublishedAsync(year, agency, store, ct) is { } report ? Pdf(report) : Results.NotFound());
        portal.MapGet("/{year:int}/report.html", async (int year, CurrentAgency agency, AnnualReportStore store, CancellationToken ct) =>
            await PublishedAsync(year, agency, store, ct) is { } report ? Html(report) : Results.NotFound());
    }

    public static void MapGongkaiApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").RequireAuthorization(StaffPolicies.Staff);
        api.MapGet("/", async (CurrentAgency agency, AnnualReportStore store, CancellationToken ct) =>
            (await store.ListAsync((await agency.GetAsync(ct)).Id, publishedOnly: false, ct))
                .Select(r => new { r.Year, r.Status, r.UpdatedAt, r.PublishedAt }));
        api.MapGet("/{year:int}", async (int year, CurrentAgency agency, AnnualReportStore store, CancellationToken ct) =>
            await store.FindAsync((await agency.GetAsync(ct)).Id, year, ct) is { } record
                ? Results.Text(record.Json, "application/json; charset=utf-8")
                : NoReport(year));
        api.MapGet("/{year:int}/findings", async (int year, CurrentAgency agency, AnnualReportStore store, CancellationToken ct) =>
            await store.FindAsync((await agency.GetAsync(ct)).Id, year, ct) is { } record
                ? Results.Ok(ReportChecker.Check(AnnualReportStore.Read(record)).Select(f => new { f.Rule, Severity = f.SeverityCode, f.Location, f.Message }))
                : NoReport(year));
    }

    private static IResult NoReport(int year) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "没有该年度的报告", detail: $"{year}年度报告尚未保存。");

    private static async Task<AnnualReport?> PublishedAsync(int year, CurrentAgency agency, AnnualReportStore store, CancellationToken ct) =>
        await store.FindAsync((await agency.GetAsync(ct)).Id, year, ct) is { Status: ReportStatus.Published } record
            ? AnnualReportStore.Read(record)
            : null;

    private static AnnualReport Dated(AnnualReport report, AnnualReportStore store)
    {
        report.PublishedOn ??= store.Today();
        return report;
    }

    private static IResult Docx(AnnualReport report)
    {
        var output = new MemoryStream();
        DocxReportRenderer.Render(report, output);
        output.Position = 0;
        return Results.File(output, DocxType, FileName(report, "docx"));
    }

    /// <summary>The report as a PDF (embedded fonts, docs/adr/0010); 404 when the fonts are not installed.</summary>
    private static IResult Pdf(AnnualReport report) =>
        PdfReportRenderer.Render(report) is { } bytes ? Results.File(bytes, "application/pdf", FileName(report, "pdf")) : Results.NotFound();

    private static IResult Html(AnnualReport report) =>
        Results.File(System.Text.Encoding.UTF8.GetBytes(HtmlReportRenderer.Render(report)), "text/html; charset=utf-8", FileName(report, "html"));

    private static string FileName(AnnualReport report, string extension) => $"{report.Title}.{extension}";
}
