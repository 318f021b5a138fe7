using System.Globalization;
using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Records;
using Gongkai.Data.Supervision;
using Gongkai.Documents.Reading;
using Gongkai.Documents.Uploads;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Results;
using Gongkai.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Supervision;

/// <summary>
/// 上传 published annual reports of agencies not on the platform (issue #12, 4): the files (or ZIPs) are unpacked within
/// limits (<see cref="UploadBundle"/>), each read and audited by the reader, matched by the name it found to an agency
/// of the subtree, and kept as pending rows (table <c>report_uploads</c>) until the office confirms each match.
/// Returns the upload's batch id.
/// </summary>
public sealed class UploadPublishedReports(GongkaiDbContext db, TimeProvider clock)
{
    public async Task<Result<string>> ExecuteAsync(int supervisingAgencyId, string actor, IReadOnlyList<UploadedFile> uploads, CancellationToken cancellationToken = default)
    {
        if (uploads.Count == 0)
        {
            return new Refused("请选择要上传的年度报告文件或ZIP压缩包", "文件");
        }

        var (files, refusal) = UploadBundle.Unpack(uploads);
        if (refusal is not null)
        {
            return new Refused(refusal, "文件");
        }

        var tree = await SupervisionScope.SubtreeAsync(db, supervisingAgencyId, cancellationToken);
        if (tree.Error is { } error)
        {
            return error;
        }

        var importer = new ReportImporter();
        var batch = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        foreach (var file in files)
        {
            var read = importer.Read(file.Name, file.Content);
            var report = read.Report;
            var (match, _) = AgencyNameMatcher.Match(report?.Agency, tree.Value!, a => a.Name);
            db.ReportUploads.Add(new ReportUploadRecord
            {
                Batch = batch,
                SupervisingAgencyId = supervisingAgencyId,
                FileName = file.Name.Length > 500 ? file.Name[..500] : file.Name,
                AgencyName = report?.Agency is { } name ? (name.Length > 200 ? name[..200] : name) : null,
                Year = report?.Year,
                Json = report is null ? null : ReportJson.Write(report),
                Error = read.Error,
                Errors = read.Findings.Count(f => f.Severity == FindingSeverity.Error),
                Warnings = read.Findings.Count(f => f.Severity != FindingSeverity.Error),
                SuggestedAgencyId = match?.Id,
                UploadedBy = actor,
                UploadedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok(batch);
    }
}

/// <summary>One uploaded file awaiting confirmation: what was read, and the agency suggested by its name.</summary>
public sealed record PendingUpload(long Id, string FileName, string? AgencyName, int? Year, string? Error, int Errors, int Warnings,
    int? SuggestedAgencyId, NameMatchKind Match);

/// <summary>An upload awaiting confirmation, with the agencies a row may be matched to.</summary>
public sealed record PendingBatch(string Batch, IReadOnlyList<PendingUpload> Rows, IReadOnlyList<TreeAgency> Agencies);

/// <summary>Shows an upload awaiting confirmation (only to its supervising agency).</summary>
public sealed class ShowReportUpload(GongkaiDbContext db)
{
    public async Task<Result<PendingBatch>> ExecuteAsync(int supervisingAgencyId, string batch, CancellationToken cancellationToken = default)
    {
        var rows = await db.ReportUploads.AsNoTracking().Where(u => u.Batch == batch && u.SupervisingAgencyId == supervisingAgencyId)
            .OrderBy(u => u.Id).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return new NotFound("没有这次上传（可能已确认保存或已放弃）");
        }

        var tree = await AgencyTree.SubtreeAsync(db, supervisingAgencyId, cancellationToken);
        return Result.Ok(new PendingBatch(batch,
            rows.Select(r => new PendingUpload(r.Id, r.FileName, r.AgencyName, r.Year, r.Error, r.Errors, r.Warnings, r.SuggestedAgencyId,
                AgencyNameMatcher.Match(r.AgencyName, tree, a => a.Name).Kind)).ToList(),
            tree));
    }
}

/// <summary>
/// Saves the confirmed rows of an upload as their agencies' imported reports (counted in the roll-up "from the
/// published report"); rows without a chosen agency are not saved. All or nothing: a row that cannot be saved (an
/// unreadable file, a year that does not match, an agency outside the subtree or whose report of that year is already
/// published on the platform) refuses the whole confirmation, naming the file. The upload is then removed.
/// </summary>
public sealed class ConfirmReportUpload(GongkaiDbContext db, TimeProvider clock)
{
    public async Task<Result<int>> ExecuteAsync(int supervisingAgencyId, string batch, IReadOnlyDictionary<long, int?> choices, CancellationToken cancellationToken = default)
    {
        var rows = await db.ReportUploads.Where(u => u.Batch == batch && u.SupervisingAgencyId == supervisingAgencyId).OrderBy(u => u.Id).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return new NotFound("没有这次上传（可能已确认保存或已放弃）");
        }

        var tree = await AgencyTree.SubtreeAsync(db, supervisingAgencyId, cancellationToken);
        var chosen = rows.Where(r => choices.GetValueOrDefault(r.Id) is not null).ToList();
        if (chosen.Count == 0)
        {
            return new Refused("没有确认任何报告：请为要保存的报告选择所属机关", "机关");
        }

        var targets = new Dictionary<(int Agency, int Year), ReportUploadRecord>();
        foreach (var row in chosen)
        {
            var agencyId = choices[row.Id]!.Value;
            if (row.Json is null || row.Year is null)
            {
                return new Refused($"“{row.FileName}”未能读取，不能保存", "机关");
            }

            if (tree.All(a => a.Id != agencyId))
            {
                return new Refused($"“{row.FileName}”所选机关不在本机关的监督范围内", "机关");
            }

            if (!targets.TryAdd((agencyId, row.Year.Value), row))
            {
                return new Refused($"“{row.FileName}”和“{targets[(agencyId, row.Year.Value)].FileName}”选择了同一机关的同一年度", "机关");
            }
        }

        var agencies = targets.Keys.Select(k => k.Agency).Distinct().ToArray();
        var years = targets.Keys.Select(k => k.Year).Distinct().ToArray();
        var existing = await db.AnnualReports.Where(r => agencies.Contains(r.AgencyId) && years.Contains(r.Year)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var ((agencyId, year), row) in targets)
        {
            var name = tree.First(a => a.Id == agencyId).Name;
            var record = existing.FirstOrDefault(r => r.AgencyId == agencyId && r.Year == year);
            if (record?.Status == SupervisionDashboard.Published)
            {
                return new Conflict(string.Create(CultureInfo.InvariantCulture, $"“{row.FileName}”：{name}{year}年度报告已在平台发布，不以上传的报告覆盖"));
            }

            if (record is null)
            {
                db.AnnualReports.Add(new AnnualReportRecord { AgencyId = agencyId, Year = year, Json = row.Json!, Status = SupervisionDashboard.Imported, UpdatedAt = now });
            }
            else
            {
                record.Json = row.Json!;
                record.Status = SupervisionDashboard.Imported;
                record.UpdatedAt = now;
                record.PublishedAt = null;
            }
        }

        db.ReportUploads.RemoveRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok(targets.Count);
    }
}
