using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>A file the applicant sends with a 补正.</summary>
public sealed record SupplementFile(string FileName, string ContentType, byte[] Content);

/// <summary>An applicant's 补正 sent online from /status with the number and query code.</summary>
public sealed record SubmitSupplementRequest(int AgencyId, string? Number, string? Code, string? Text, IReadOnlyList<SupplementFile> Files);

/// <summary>An applicant's 撤回 sent online from /status with the number and query code.</summary>
public sealed record WithdrawApplicationRequest(int AgencyId, string? Number, string? Code, bool Confirmed);

/// <summary>Who recorded a step the applicant took online, as the case's history shows it.</summary>
public static class ApplicantActor
{
    public const string Online = "申请人（网上）";
}

/// <summary>
/// 补正 online (Art. 30): the applicant, with the number and query code, sends the supplement (text and files) while
/// the case awaits it. The case records 收到补正材料 on today's date through the domain, which starts the reply
/// period afresh from it; the text and files are stored in the same transaction for the office to read.
/// </summary>
public sealed class SubmitSupplement(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock)
{
    public const int MaxText = 4000;
    public const int MaxFiles = 5;
    public const int MaxFileBytes = 5 * 1024 * 1024;

    public async Task<Result<RecordedCase>> ExecuteAsync(SubmitSupplementRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await ApplicantCases.FindAsync(db, request.AgencyId, request.Number, request.Code, cancellationToken);
        if (found is null)
        {
            return new NotFound("申请编号或查询码不正确");
        }

        if (string.IsNullOrWhiteSpace(request.Text) && request.Files.Count == 0)
        {
            return new Refused("补正内容：请填写补正说明或上传补正材料", "SupplementText");
        }

        if (request.Text is { Length: > MaxText })
        {
            return new Refused($"补正内容：不超过{MaxText}字", "SupplementText");
        }

        if (request.Text is not null && ApplicationLimits.HasUnreadableCharacter(request.Text, multiline: true))
        {
            return new Refused("补正内容：含有无法识别的字符，请重新输入", "SupplementText");
        }

        if (request.Files.Count > MaxFiles)
        {
            return new Refused($"补正材料：最多{MaxFiles}个文件", "SupplementFiles");
        }

        var today = ChinaTime.Today(clock);
        var supplement = new CaseSupplementRecord
        {
            CaseId = found.Id,
            Text = request.Text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() ?? string.Empty,
            SubmittedOn = today,
            SubmittedAt = clock.GetUtcNow(),
        };
        foreach (var f in request.Files)
        {
            supplement.Files.Add(new CaseSupplementFileRecord { FileName = f.FileName, ContentType = f.ContentType, Content = f.Content });
        }

        var store = await calendar.StoreAsync(db, clock, cancellationToken);
        return await store.RecordAsync(request.AgencyId, found.Id, new SupplementReceived(today, ApplicantActor.Online), seenVersion: null,
            alsoWrite: () => db.CaseSupplements.Add(supplement), cancellationToken);
    }
}

/// <summary>
/// 撤回 online: the applicant, with the number and query code, withdraws an open application; the case is closed as
/// 其他 (the domain's <see cref="Withdrawn"/>). The applicant must confirm it (a checkbox), since it cannot be undone.
/// </summary>
public sealed class WithdrawApplication(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock)
{
    public async Task<Result<RecordedCase>> ExecuteAsync(WithdrawApplicationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await ApplicantCases.FindAsync(db, request.AgencyId, request.Number, request.Code, cancellationToken);
        if (found is null)
        {
            return new NotFound("申请编号或查询码不正确");
        }

        if (!request.Confirmed)
        {
            return new Refused("撤回申请：请勾选“我确认撤回本申请”（撤回后本机关不再处理该申请）", "Confirmed");
        }

        if (found.ClosedOn is not null)
        {
            return new Refused("撤回申请：本申请已经办结，不能撤回");
        }

        var store = await calendar.StoreAsync(db, clock, cancellationToken);
        return await store.RecordAsync(request.AgencyId, found.Id, new Withdrawn(ChinaTime.Today(clock), ApplicantActor.Online), seenVersion: null, alsoWrite: null, cancellationToken);
    }
}

/// <summary>Finding an applicant's case, or pending online application, by number and query code (only the code's hash is stored).</summary>
internal static class ApplicantCases
{
    /// <summary>The refusal when the applicant left the number or the query code blank; null when both are there.</summary>
    public static Refused? Missing(string? number, string? code) =>
        string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(code) ? new Refused("请填写申请编号和查询码") : null;

    /// <summary>The case with this number whose query code matches; null when there is none (or the number or code is blank).</summary>
    public static async Task<CaseRecord?> FindAsync(GongkaiDbContext db, int agencyId, string? number, string? code, CancellationToken cancellationToken)
    {
        if (Missing(number, code) is not null)
        {
            return null;
        }

        var trimmed = number!.Trim();
        var found = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.AgencyId == agencyId && c.Number == trimmed, cancellationToken);
        return found is not null && QueryCodes.Matches(code, found.QueryCodeHash) ? found : null;
    }

    /// <summary>
    /// The online application with this number, not yet confirmed as a case (Art. 31), whose query code matches; null
    /// when there is none.
    /// </summary>
    public static async Task<PendingOnlineApplication?> FindPendingAsync(GongkaiDbContext db, int agencyId, string number, string? code, CancellationToken cancellationToken)
    {
        var pending = await db.OnlineApplications.AsNoTracking().Where(a => a.AgencyId == agencyId && a.Number == number && a.CaseId == null)
            .Select(a => new { a.Number, a.ApplicantName, a.Description, a.ArrivedOn, a.QueryCodeHash }).SingleOrDefaultAsync(cancellationToken);
        return pending is not null && QueryCodes.Matches(code, pending.QueryCodeHash)
            ? new PendingOnlineApplication(pending.Number, pending.ApplicantName, pending.Description, pending.ArrivedOn)
            : null;
    }
}

/// <summary>An online application awaiting the office's confirmation, as the applicant's look-ups show it.</summary>
internal sealed record PendingOnlineApplication(string Number, string ApplicantName, string Description, DateOnly ArrivedOn);
