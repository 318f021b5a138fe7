using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Agencies;

/// <summary>
/// 新建机关: <paramref name="Code"/> (2–20 lower-case letters, digits, hyphens; fixed for good), name, kind
/// (<c>government</c>/<c>department</c>/<c>town</c>/<c>other</c> or 人民政府/政府部门/乡镇街道/其他), the parent by
/// code or name (none: a root), an optional 统一社会信用代码.
/// </summary>
public sealed record AddAgencyRequest(string? Code, string? Name, string? Kind, string? Parent, string? Uscc, string Actor);

/// <summary>
/// Adds an agency to the tree with the defaults every agency starts from: a 指南 (Art. 12) to complete, a 办公室 to
/// which applications can be assigned; its disclosure settings (索引号 pattern, review chain), notice templates,
/// catalogue categories and case numbers are the defaults until its office changes them, each kept per agency.
/// </summary>
public sealed class AddAgency(GongkaiDbContext db, ResolveAgency resolve, TimeProvider clock)
{
    public async Task<Result<AgencyNode>> ExecuteAsync(AddAgencyRequest request, CancellationToken cancellationToken = default)
    {
        if (AgencyCode.Problem(request.Code) is { } codeProblem)
        {
            return new Refused(codeProblem, "Code");
        }

        var code = request.Code!.Trim();
        // Codes are compared without case: an old code SFQ-WJJ and a new sfq-wjj would be one address. (ToLower is SQL's lower() here.)
#pragma warning disable CA1304, CA1311
        var holder = await db.Agencies.AsNoTracking().Where(a => a.Code == code || a.Code.ToLower() == code).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
#pragma warning restore CA1304, CA1311
        if (holder is not null)
        {
            return new Refused($"机关代码“{code}”已由“{holder}”使用，请换一个", "Code");
        }

        if (await AgencyRules.NameProblemAsync(db, request.Name, null, cancellationToken) is { } nameProblem)
        {
            return nameProblem;
        }

        if (AgencyKinds.Parse(request.Kind) is not { } kind)
        {
            return AgencyRules.KindProblem(request.Kind);
        }

        var (uscc, usccProblem) = await AgencyRules.UsccAsync(db, request.Uscc, null, cancellationToken);
        if (usccProblem is not null)
        {
            return usccProblem;
        }

        int? parentId = null;
        if (!string.IsNullOrWhiteSpace(request.Parent))
        {
            var parent = await resolve.ExecuteAsync(request.Parent, cancellationToken);
            if (parent.Value is not { } p)
            {
                return new Refused("上级机关：" + parent.Error!.Message, "Parent");
            }

            if (p.ArchivedAt is not null)
            {
                return new Refused($"上级机关：“{p.Name}”已归档，不能在其下新建机关", "Parent");
            }

            parentId = p.Id;
        }

        var now = clock.GetUtcNow();
        var name = request.Name!.Trim();
        var agency = new AgencyRecord
        {
            Code = code,
            Name = name,
            Kind = kind.Key(),
            ParentId = parentId,
            Uscc = uscc,
            CreatedAt = now,
            UpdatedBy = request.Actor,
            UpdatedAt = now,
            LastChange = "新建",
        };
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            db.Agencies.Add(agency);
            await db.SaveChangesAsync(cancellationToken);
            db.Departments.Add(new DepartmentRecord { AgencyId = agency.Id, Name = "办公室" });
            db.AgencyGuides.Add(AgencyDefaults.Guide(agency, now));
            await db.SaveChangesAsync(cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException)
        {
            // Another administrator took the code or the name at the same moment (the unique indexes say so).
            db.ChangeTracker.Clear();
            if (own is not null)
            {
                await own.RollbackAsync(cancellationToken);
            }

            return new Refused($"机关代码“{code}”或名称“{name}”刚被他人使用，请换一个", "Code");
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }

        return Result.Ok(AgencyNode.From(agency, 0));
    }
}

/// <summary>What a new agency starts from.</summary>
public static class AgencyDefaults
{
    /// <summary>
    /// The 政府信息公开指南 (Art. 12) a new agency starts with: the office and the way to apply in the Regulation's words,
    /// for the office to complete (address, hours, telephone) at 机关设置与指南.
    /// </summary>
    public static AgencyGuideRecord Guide(AgencyRecord agency, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agency);
        return new AgencyGuideRecord
        {
            AgencyId = agency.Id,
            OfficeName = agency.Name + "办公室",
            OnlineChannel = "本网站“在线申请”栏目",
            Classification = "本机关主动公开的政府信息按机构职能、政策文件、规划计划、行政执法、公共服务、财政信息等类别编排，每条信息标注索引号、名称、内容概述和生成日期。",
            HowToObtain = "主动公开的政府信息可通过本网站、政府公报、档案馆和公共图书馆的政府信息查阅场所获取。\n"
                + "申请获取主动公开以外的政府信息，可通过在线申请、信函或当面提交书面申请；申请内容应包括申请人姓名或名称、身份证明、联系方式，所需政府信息的名称、文号或便于查询的其他特征性描述，以及获取信息的方式和途径（第二十九条）。\n"
                + "本机关收到申请后，能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内予以答复，需要延长的经负责人同意后延长不超过20个工作日（第三十三条）。",
            UpdatedAt = now,
        };
    }
}
