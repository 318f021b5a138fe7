using Gongkai.Data.Records;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Disclosure;

/// <summary>
/// The 政府信息公开目录 in the database (Art. 12): drafting items with a generated 索引号, taking them through the agency's
/// review chain, publishing and withdrawing them. Each step goes through the domain's <see cref="CatalogItem"/>, is appended
/// to the item's history (who, when, which step, why), and keeps the public search index in step, in one transaction.
/// </summary>
public sealed class CatalogStore(GongkaiDbContext db, IWorkingDayCalendar calendar, TimeProvider clock)
{
    /// <summary>The agency's settings, or the defaults (索引号 <c>{机构代码}/{YYYY}-{NNNNN}</c>, the default review chain).</summary>
    public async Task<DisclosureSettings> SettingsAsync(int agencyId, CancellationToken cancellationToken = default)
    {
        var row = await db.DisclosureSettings.AsNoTracking().SingleOrDefaultAsync(s => s.AgencyId == agencyId, cancellationToken);
        return row is null ? DisclosureSettings.Default : ToSettings(row);
    }

    /// <summary>
    /// Stores the agency's settings (a new chain applies to items submitted from now on), if they are still at the
    /// version the person saw (<paramref name="seenVersion"/>; null: <paramref name="settings"/>' own version, as read
    /// by the caller): the UPDATE itself checks it, so of two administrators saving at once one is told, in Chinese, who
    /// saved meanwhile and what the settings now are. Returns the new version.
    /// </summary>
    public async Task<Result<int>> SaveSettingsAsync(int agencyId, DisclosureSettings settings, string actor, int? seenVersion = null,
        CancellationToken cancellationToken = default)
    {
        var seen = seenVersion ?? settings.Version;
        var now = clock.GetUtcNow();
        var pattern = settings.IndexPattern.Text;
        var chain = DisclosureJson.Chain(settings.ReviewChain);
        var who = actor.Trim();
        if (seen == 0)
        {
            // Never saved: the first save inserts; of two first saves the primary key keeps one.
            var row = new DisclosureSettingsRecord
            {
                AgencyId = agencyId,
                IndexPattern = pattern,
                ReviewChain = chain,
                FeeDecimals = settings.FeeDecimals,
                SeparateDuties = settings.SeparateDuties,
                Version = 1,
                UpdatedBy = who,
                UpdatedAt = now,
            };
            try
            {
                if (db.DisclosureSettings.Local.Any(s => s.AgencyId == agencyId) || await db.DisclosureSettings.AnyAsync(s => s.AgencyId == agencyId, cancellationToken))
                {
                    return await SettingsConflictAsync(agencyId, cancellationToken);
                }

                db.DisclosureSettings.Add(row);
                await db.SaveChangesAsync(cancellationToken);
                return Result.Ok(1);
            }
            catch (DbUpdateException)
            {
                return await SettingsConflictAsync(agencyId, cancellationToken);
            }
            finally
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }

        var updated = await db.DisclosureSettings.Where(s => s.AgencyId == agencyId && s.Version == seen).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.IndexPattern, pattern)
            .SetProperty(s => s.ReviewChain, chain)
            .SetProperty(s => s.FeeDecimals, settings.FeeDecimals)
            .SetProperty(s => s.SeparateDuties, settings.SeparateDuties)
            .SetProperty(s => s.UpdatedBy, who)
            .SetProperty(s => s.UpdatedAt, now)
            .SetProperty(s => s.Version, s => s.Version + 1), cancellationToken);
        return updated == 1 ? Result.Ok(seen + 1) : await SettingsConflictAsync(agencyId, cancellationToken);
    }

    private async Task<Error> SettingsConflictAsync(int agencyId, CancellationToken cancellationToken)
    {
        var row = await db.DisclosureSettings.AsNoTracking().SingleOrDefaultAsync(s => s.AgencyId == agencyId, cancellationToken);
        if (row is null)
        {
            return new Conflict("目录与审核设置在您打开页面后已有变化，本次未保存；请刷新页面查看最新设置后重试");
        }

        var now = ToSettings(row);
        return new Conflict($"目录与审核设置在您打开页面后已被{row.UpdatedBy ?? "他人"}于{ChinaTime.Minute(row.UpdatedAt)}修改"
            + $"（现为：索引号格式 {now.IndexPattern.Text}；审核流程 {now.ReviewChain}；审核分离{(now.SeparateDuties ? "开启" : "关闭")}），本次未保存；请查看最新设置后重试");
    }

    internal static DisclosureSettings ToSettings(DisclosureSettingsRecord row) =>
        new(IndexNumberPattern.Parse(row.IndexPattern, out _) ?? IndexNumberPattern.Default, DisclosureJson.Chain(row.ReviewChain), row.FeeDecimals,
            row.SeparateDuties, row.Version);

    /// <summary>The agency's categories in order; the standard Art. 20 set is created the first time (once, when several read at once).</summary>
    public async Task<IReadOnlyList<CatalogCategoryRecord>> CategoriesAsync(int agencyId, CancellationToken cancellationToken = default)
    {
        var categories = await db.CatalogCategories.AsNoTracking().Where(c => c.AgencyId == agencyId).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        if (categories.Count > 0)
        {
            return categories;
        }

        var order = 0;
        foreach (var standard in CatalogCategories.Standard)
        {
            db.CatalogCategories.Add(new CatalogCategoryRecord { AgencyId = agencyId, Code = standard.Code, Name = standard.Name, Article20Item = standard.Article20Item, SortOrder = ++order * 10 });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first readers at once: the other one created the set (the unique code per agency let one through).
            db.ChangeTracker.Clear();
        }

        return await db.CatalogCategories.AsNoTracking().Where(c => c.AgencyId == agencyId).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Drafts an item and gives it the next 索引号 of its scope (per the agency's pattern). When another office took
    /// the same serial at the same moment, the unique index refuses one of them, which takes the next serial.
    /// </summary>
    public async Task<Result<CatalogItemSaved>> AddAsync(NewCatalogItem item, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await AddOnceAsync(item, cancellationToken);
            if (result.Error is not Conflict || attempt == 3)
            {
                return result;
            }
        }
    }

    private async Task<Result<CatalogItemSaved>> AddOnceAsync(NewCatalogItem item, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == item.AgencyId, cancellationToken);
        if (agency is null)
        {
            return new Refused("机关不存在");
        }

        if (await CategoryAsync(item.AgencyId, item.CategoryCode, cancellationToken) is not { } category)
        {
            return await NoSuchCategoryAsync(item.AgencyId, item.CategoryCode, cancellationToken);
        }

        var settings = await SettingsAsync(item.AgencyId, cancellationToken);
        var scope = settings.IndexPattern.Scope(agency.Code, item.GeneratedOn);
        var serial = (await db.CatalogItems.Where(i => i.AgencyId == item.AgencyId && i.IndexScope == scope).MaxAsync(i => (int?)i.IndexSerial, cancellationToken) ?? 0) + 1;
        var drafted = CatalogItem.Draft(settings.IndexPattern.Format(agency.Code, item.GeneratedOn, serial), item.Title, item.Summary, item.GeneratedOn,
            item.Publisher ?? agency.Name, category.Code, item.Channels, item.DocumentNumber, item.Attachments);
        if (drafted is not CatalogStepAccepted { Item: var draft })
        {
            return CatalogErrors.Refused((CatalogStepRefused)drafted);
        }

        if (await db.CatalogItems.AnyAsync(i => i.AgencyId == item.AgencyId && i.IndexNumber == draft.IndexNumber, cancellationToken))
        {
            return new Refused($"索引号 {draft.IndexNumber} 已被使用（索引号格式 {settings.IndexPattern.Text} 在本机关内不唯一）");
        }

        var now = clock.GetUtcNow();
        var record = new CatalogItemRecord
        {
            AgencyId = item.AgencyId,
            IndexNumber = draft.IndexNumber,
            IndexScope = scope,
            IndexSerial = serial,
            Title = draft.Title,
            Summary = draft.Summary,
            Publisher = draft.Publisher,
            CategoryId = category.Id,
            Channels = string.Empty,
            Validity = string.Empty,
            Status = string.Empty,
            Attachments = string.Empty,
            CreatedAt = now,
        };
        Project(record, draft, category.Id, now);
        db.CatalogItems.Add(record);
        var drafter = string.IsNullOrWhiteSpace(item.Actor) ? null : item.Actor.Trim();
        await using var transaction = drafter is null ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (drafter is not null)
            {
                record.Version = 1;
                db.CatalogItemEvents.Add(new CatalogItemEventRecord { ItemId = record.Id, Sequence = 1, Kind = nameof(CatalogEventKind.Drafted), Actor = drafter, At = now });
                await db.SaveChangesAsync(cancellationToken);
                await transaction!.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException)
        {
            // Two offices took the same serial at once: the unique index kept the numbers unique; AddAsync retries.
            db.ChangeTracker.Clear();
            return CatalogErrors.Conflict(draft.IndexNumber);
        }

        return Result.Ok(new CatalogItemSaved(record.Id, draft));
    }

    /// <summary>
    /// 送审: into the agency's current review chain. Like every step below, it is taken only on the version the person
    /// saw (<paramref name="seenVersion"/>, the item's <c>Version</c> on their page; null: the version read now, for
    /// callers that read and act at once): the UPDATE checks it, and a later change is a <see cref="Conflict"/>
    /// that says who did what meanwhile.
    /// </summary>
    public async Task<Result<CatalogItemSaved>> SubmitAsync(int agencyId, string indexNumber, string actor, int? seenVersion = null, CancellationToken cancellationToken = default)
    {
        var chain = (await SettingsAsync(agencyId, cancellationToken)).ReviewChain;
        return await StepAsync(agencyId, indexNumber, seenVersion, (item, _) => item.Submit(chain, actor, clock.GetUtcNow()), cancellationToken);
    }

    /// <summary>
    /// A decision at the pending step: approve, or refuse with a reason (the item returns to draft). <paramref name="role"/>
    /// must be the step's role; null takes the pending step's role (for callers that checked it themselves). When the
    /// agency separates duties (<see cref="SeparationOfDuties"/>, Art. 17's review mechanism), the drafter and whoever
    /// decided an earlier step of this submission are refused, with the reason.
    /// </summary>
    public async Task<Result<CatalogItemSaved>> DecideAsync(int agencyId, string indexNumber, bool approve, string actor, string? role, string? reason = null,
        int? seenVersion = null, CancellationToken cancellationToken = default)
    {
        var separate = (await SettingsAsync(agencyId, cancellationToken)).SeparateDuties;
        return await StepAsync(agencyId, indexNumber, seenVersion, (item, history) =>
            separate && SeparationOfDuties.Problem(history, actor) is { } problem
                ? new CatalogStepRefused(problem)
                : item.Decide(approve, actor, role ?? item.PendingStep?.Role ?? string.Empty, clock.GetUtcNow(), reason),
            cancellationToken, withHistory: separate);
    }

    /// <summary>发布 on <paramref name="on"/> (default: today in China): the item enters the public catalogue and the search index.</summary>
    public Task<Result<CatalogItemSaved>> PublishAsync(int agencyId, string indexNumber, string actor, DateOnly? on = null, int? seenVersion = null,
        CancellationToken cancellationToken = default) =>
        StepAsync(agencyId, indexNumber, seenVersion, (item, _) => item.Publish(on ?? Today(), actor, clock.GetUtcNow()), cancellationToken);

    /// <summary>撤回: off the portal and out of the search index, with a reason.</summary>
    public Task<Result<CatalogItemSaved>> WithdrawAsync(int agencyId, string indexNumber, string actor, string reason, int? seenVersion = null,
        CancellationToken cancellationToken = default) =>
        StepAsync(agencyId, indexNumber, seenVersion, (item, _) => item.Withdraw(reason, actor, clock.GetUtcNow()), cancellationToken);

    /// <summary>有效性 变更 (失效, 废止).</summary>
    public Task<Result<CatalogItemSaved>> ChangeValidityAsync(int agencyId, string indexNumber, Validity validity, string actor, int? seenVersion = null,
        CancellationToken cancellationToken = default) =>
        StepAsync(agencyId, indexNumber, seenVersion, (item, _) => item.ChangeValidity(validity, actor, clock.GetUtcNow()), cancellationToken);

    /// <summary>An item as the domain sees it; null when not found.</summary>
    public async Task<CatalogItem?> FindAsync(int agencyId, string indexNumber, CancellationToken cancellationToken = default)
    {
        var record = await db.CatalogItems.AsNoTracking().SingleOrDefaultAsync(i => i.AgencyId == agencyId && i.IndexNumber == indexNumber, cancellationToken);
        return record is null ? null : await ToDomainAsync(record, cancellationToken);
    }

    /// <summary>
    /// 修改: changes a draft's Art. 12 fields (a refused item is edited, then submitted again). The 索引号 stays; the
    /// change is recorded with who made it and which fields changed. Items in review or published are refused.
    /// </summary>
    public async Task<Result<CatalogItemSaved>> EditAsync(int agencyId, string indexNumber, CatalogEdit edit, string actor, int? seenVersion = null,
        CancellationToken cancellationToken = default)
    {
        if (await CategoryAsync(agencyId, edit.CategoryCode, cancellationToken) is not { } category)
        {
            return await NoSuchCategoryAsync(agencyId, edit.CategoryCode, cancellationToken);
        }

        return await StepAsync(agencyId, indexNumber, seenVersion, (item, _) => item.Edit(edit.Title, edit.Summary, edit.GeneratedOn, edit.Publisher, category.Code,
            edit.Channels, edit.DocumentNumber, item.Attachments, actor, clock.GetUtcNow()), cancellationToken, category.Id);
    }

    /// <summary>
    /// Attaches a file to a draft (附件): checked by <see cref="AttachmentRules"/>, stored in the database, listed on the
    /// item and recorded in its history, in one transaction. Only drafts take attachments: what was reviewed is published.
    /// </summary>
    public Task<Result<CatalogItemSaved>> AddAttachmentAsync(int agencyId, string indexNumber, string fileName, byte[] content, string actor,
        long maxBytes = AttachmentRules.DefaultMaxBytes, int? seenVersion = null, CancellationToken cancellationToken = default) =>
        AddAttachmentsAsync(agencyId, indexNumber, [(fileName, content)], actor, maxBytes, seenVersion, cancellationToken);

    /// <summary>
    /// Attaches several files to a draft, all or none: every file is checked first, then all are stored, listed and
    /// recorded (one history entry each) in one transaction, on the version the person saw; one refusal stores nothing.
    /// </summary>
    public async Task<Result<CatalogItemSaved>> AddAttachmentsAsync(int agencyId, string indexNumber, IReadOnlyList<(string FileName, byte[] Content)> files, string actor,
        long maxBytes = AttachmentRules.DefaultMaxBytes, int? seenVersion = null, CancellationToken cancellationToken = default)
    {
        if (files.Count == 0)
        {
            return new Refused("附件：请选择文件", "附件");
        }

        foreach (var (fileName, content) in files)
        {
            if (AttachmentRules.Problem(fileName, content, maxBytes) is { } problem)
            {
                return new Refused(files.Count == 1 ? problem : $"“{fileName}”：{problem}");
            }
        }

        var item = await db.CatalogItems.AsNoTracking().Where(i => i.AgencyId == agencyId && i.IndexNumber == indexNumber.Trim())
            .Select(i => new { i.Id, i.Status, i.Version }).SingleOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return CatalogErrors.NotFound(indexNumber);
        }

        var seen = seenVersion ?? item.Version;
        if (item.Status != nameof(CatalogItemStatus.Draft))
        {
            return CatalogErrors.AttachmentsOnlyToDrafts(Enum.Parse<CatalogItemStatus>(item.Status));
        }

        Result<CatalogItemSaved> result = new Refused("附件：请选择文件", "附件");
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                foreach (var (fileName, content) in files)
                {
                    var name = AttachmentRules.CleanName(fileName);
                    var file = new CatalogAttachmentRecord
                    {
                        ItemId = item.Id,
                        Name = name,
                        ContentType = AttachmentRules.ContentType(name),
                        SizeBytes = content.Length,
                        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
                        Content = content,
                        UploadedBy = actor,
                        UploadedAt = clock.GetUtcNow(),
                    };
                    db.CatalogAttachments.Add(file);
                    await db.SaveChangesAsync(cancellationToken);
                    result = await StepAsync(agencyId, indexNumber, seen, (current, _) => current.Attachments.Any(a => a.Name == name)
                        ? new CatalogStepRefused($"已有名为“{name}”的附件；请先删除旧附件或改用其他文件名", "附件")
                        : current.WithAttachments([.. current.Attachments, new CatalogAttachment(name, CatalogAttachmentLocation.Of(file.Id))], actor, clock.GetUtcNow(), $"添加附件“{name}”"),
                        cancellationToken);
                    if (!result.Succeeded)
                    {
                        break;
                    }

                    seen++;
                }
            }
            catch (DbUpdateException)
            {
                // The other writer's row or lock won (SQLite refuses a stale write); nothing of this upload is kept.
                result = CatalogErrors.Conflict(indexNumber);
            }

            if (result.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
                return result;
            }

            await transaction.RollbackAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        return result.Error is Conflict ? await ConflictAsync(item.Id, indexNumber, seenVersion ?? item.Version, cancellationToken) : result;
    }

    /// <summary>Removes an attachment from a draft, with its file; recorded in the item's history, on the version the person saw.</summary>
    public async Task<Result<CatalogItemSaved>> RemoveAttachmentAsync(int agencyId, string indexNumber, long attachmentId, string actor, int? seenVersion = null,
        CancellationToken cancellationToken = default)
    {
        var file = await (from a in db.CatalogAttachments.AsNoTracking()
                          join i in db.CatalogItems.AsNoTracking() on a.ItemId equals i.Id
                          where i.AgencyId == agencyId && i.IndexNumber == indexNumber.Trim() && a.Id == attachmentId
                          select new { a.Id, a.Name, a.ItemId, i.Version }).SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return new Refused("没有这个附件");
        }

        var location = CatalogAttachmentLocation.Of(file.Id);
        return await StepAsync(agencyId, indexNumber, seenVersion ?? file.Version,
            (current, _) => current.WithAttachments([.. current.Attachments.Where(a => a.Location != location)], actor, clock.GetUtcNow(), $"删除附件“{file.Name}”"),
            cancellationToken, alongside: ct => db.CatalogAttachments.Where(a => a.Id == file.Id).ExecuteDeleteAsync(ct));
    }

    /// <summary>
    /// An attachment's file: for the portal (<paramref name="publishedOnly"/>) only while its item is public (Art. 12),
    /// for the back office always. Null when there is no such file to serve; the bytes are read only then.
    /// </summary>
    public async Task<CatalogAttachmentRecord?> AttachmentAsync(int agencyId, long itemId, long attachmentId, bool publishedOnly, CancellationToken cancellationToken = default)
    {
        var status = await db.CatalogItems.AsNoTracking().Where(i => i.AgencyId == agencyId && i.Id == itemId).Select(i => i.Status).SingleOrDefaultAsync(cancellationToken);
        if (status is null || (publishedOnly && status != nameof(CatalogItemStatus.Published)))
        {
            return null;
        }

        return await db.CatalogAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.ItemId == itemId && a.Id == attachmentId, cancellationToken);
    }

    /// <summary>The attachments of an item (without their bytes): id, name, type, size, hash, who uploaded it and when.</summary>
    public async Task<IReadOnlyList<CatalogAttachmentInfo>> AttachmentsAsync(long itemId, CancellationToken cancellationToken = default) =>
        await db.CatalogAttachments.AsNoTracking().Where(a => a.ItemId == itemId).OrderBy(a => a.Id)
            .Select(a => new CatalogAttachmentInfo(a.Id, a.Name, a.ContentType, a.SizeBytes, a.Sha256, a.UploadedBy, a.UploadedAt)).ToListAsync(cancellationToken);

    /// <summary>
    /// An item by its id, with its category's name and its version (the count of its history entries: a form that
    /// shows the item carries it, so a decision is taken on what the person saw); null when the agency has no such item.
    /// </summary>
    public async Task<(CatalogItem Item, string CategoryName, int Version)?> FindByIdAsync(int agencyId, long id, CancellationToken cancellationToken = default)
    {
        var row = await (from i in db.CatalogItems.AsNoTracking()
                         join c in db.CatalogCategories.AsNoTracking() on i.CategoryId equals c.Id
                         where i.AgencyId == agencyId && i.Id == id
                         select new { Item = i, c.Code, c.Name }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : (ToDomain(row.Item, row.Code), row.Name, row.Item.Version);
    }

    /// <summary>
    /// The roles of every review step still ahead of the agency's items in review: they keep the chain they were
    /// submitted to, so those duties must stay assignable after the agency changes its chain.
    /// </summary>
    public async Task<IReadOnlyList<string>> RolesAheadAsync(int agencyId, CancellationToken cancellationToken = default)
    {
        var pending = await db.CatalogItems.AsNoTracking()
            .Where(i => i.AgencyId == agencyId && i.Status == nameof(CatalogItemStatus.InReview) && i.ReviewChain != null)
            .Select(i => new { i.ReviewChain, i.CurrentStep }).ToListAsync(cancellationToken);
        return pending.SelectMany(p => DisclosureJson.Chain(p.ReviewChain!).Steps.Skip(p.CurrentStep ?? 0).Select(s => s.Role)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>An item's history, oldest first.</summary>
    public async Task<IReadOnlyList<CatalogEvent>> HistoryAsync(int agencyId, string indexNumber, CancellationToken cancellationToken = default)
    {
        var rows = await (from e in db.CatalogItemEvents.AsNoTracking()
                          join i in db.CatalogItems.AsNoTracking() on e.ItemId equals i.Id
                          where i.AgencyId == agencyId && i.IndexNumber == indexNumber
                          orderby e.Sequence
                          select e).ToListAsync(cancellationToken);
        return rows.Select(ToEvent).ToList();
    }

    /// <summary>
    /// The office's list: items of a status (or all), newest first, each with its Art. 26 due date and whether it is
    /// overdue on <paramref name="today"/> (default: today in China). <paramref name="overdueOnly"/> keeps only overdue ones.
    /// </summary>
    /// <remarks>
    /// <paramref name="text"/> keeps items whose 索引号, 名称 or 文号 contain it (the office finds its own drafts, published
    /// or not; the portal's search covers only published items); <paramref name="categoryCode"/> keeps one 主题分类.
    /// </remarks>
    public async Task<IReadOnlyList<CatalogListRow>> ListAsync(int agencyId, CatalogItemStatus? status = null, bool overdueOnly = false, DateOnly? today = null,
        int limit = 200, string? text = null, string? categoryCode = null, CancellationToken cancellationToken = default)
    {
        var day = today ?? Today();
        var query = from i in db.CatalogItems.AsNoTracking()
                    join c in db.CatalogCategories.AsNoTracking() on i.CategoryId equals c.Id
                    where i.AgencyId == agencyId
                    select new { Item = i, Category = c.Name, CategoryCode = c.Code };
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            query = query.Where(x => x.Item.Title.Contains(t) || x.Item.IndexNumber.Contains(t) || (x.Item.DocumentNumber != null && x.Item.DocumentNumber.Contains(t)));
        }

        if (!string.IsNullOrWhiteSpace(categoryCode))
        {
            query = query.Where(x => x.CategoryCode == categoryCode);
        }

        if (status is { } s)
        {
            query = query.Where(x => x.Item.Status == s.ToString());
        }

        if (overdueOnly)
        {
            // Anything generated more than 20 working days ago is generated at least 20 calendar days ago: a cheap SQL bound.
            var bound = day.AddDays(-CatalogItem.PublicationDeadlineWorkingDays);
            var open = new[] { nameof(CatalogItemStatus.Draft), nameof(CatalogItemStatus.InReview), nameof(CatalogItemStatus.Approved) };
            query = query.Where(x => open.Contains(x.Item.Status) && x.Item.GeneratedOn < bound);
        }

        var rows = await query.OrderByDescending(x => x.Item.Id).Take(overdueOnly ? 10_000 : limit).ToListAsync(cancellationToken);
        var list = rows.Select(x =>
        {
            var item = ToDomain(x.Item, CategoryCodeUnknown);
            return new CatalogListRow(x.Item.Id, item.IndexNumber, item.Title, x.Category, item.Status, item.PendingStep?.Name, item.GeneratedOn,
                item.DueOn(calendar), item.PublishedOn, item.IsOverdue(day, calendar), item.Validity, item.PendingStep?.Role);
        });
        return (overdueOnly ? list.Where(r => r.Overdue) : list).Take(limit).ToList();
    }

    private const string CategoryCodeUnknown = "";

    /// <summary>The agency's category of a code or name (art20-05, 行政许可和对外管理服务); null when none.</summary>
    private async Task<CatalogCategoryRecord?> CategoryAsync(int agencyId, string codeOrName, CancellationToken cancellationToken) =>
        (await CategoriesAsync(agencyId, cancellationToken)).FirstOrDefault(c => c.Code == codeOrName.Trim() || c.Name == codeOrName.Trim());

    private async Task<Refused> NoSuchCategoryAsync(int agencyId, string codeOrName, CancellationToken cancellationToken) =>
        new($"没有主题分类“{codeOrName}”；可选：{string.Join("、", (await CategoriesAsync(agencyId, cancellationToken)).Select(c => $"{c.Code}（{c.Name}）"))}", "主题分类");

    private DateOnly Today() => ChinaTime.Today(clock);

    /// <summary>
    /// Takes one step on an item: the domain decides on the item as it stands at <paramref name="seenVersion"/> (null:
    /// as read now), and the UPDATE that records it checks that version (<c>… WHERE id = @id AND version = @seen</c>),
    /// with the history entry (and <paramref name="alongside"/>) in the same transaction. 0 rows updated, or a version
    /// other than the one seen, is a <see cref="Conflict"/> that says what happened since.
    /// </summary>
    private async Task<Result<CatalogItemSaved>> StepAsync(int agencyId, string indexNumber, int? seenVersion, Func<CatalogItem, IReadOnlyList<CatalogEvent>, CatalogStepResult> step,
        CancellationToken cancellationToken, int? categoryId = null, bool withHistory = false, Func<CancellationToken, Task>? alongside = null)
    {
        var record = await db.CatalogItems.SingleOrDefaultAsync(i => i.AgencyId == agencyId && i.IndexNumber == indexNumber.Trim(), cancellationToken);
        if (record is null)
        {
            return CatalogErrors.NotFound(indexNumber);
        }

        var seen = seenVersion ?? record.Version;
        // A caller that wrote something with the step (an attachment) has its own transaction open: the step joins it.
        var own = db.Database.CurrentTransaction is null;
        if (record.Version != seen)
        {
            return own ? await ConflictAsync(record.Id, indexNumber, seen, cancellationToken) : CatalogErrors.Conflict(indexNumber);
        }

        var history = withHistory ? await EventsAsync(record.Id, seen, cancellationToken) : [];
        var current = await ToDomainAsync(record, cancellationToken);
        var result = step(current, history);
        if (result is not CatalogStepAccepted { Item: var next, Event: var e })
        {
            db.Entry(record).State = EntityState.Detached;
            return CatalogErrors.Refused((CatalogStepRefused)result);
        }

        var now = clock.GetUtcNow();
        await using var transaction = own ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        Project(record, next, categoryId ?? record.CategoryId, now);
        // The concurrency token's original value is what the person saw: EF's UPDATE carries "AND version = @seen".
        db.Entry(record).Property(r => r.Version).OriginalValue = seen;
        if (e is not null)
        {
            record.Version = seen + 1;
            db.CatalogItemEvents.Add(new CatalogItemEventRecord
            {
                ItemId = record.Id,
                Sequence = record.Version,
                Kind = e.Kind.ToString(),
                Step = e.Step,
                StepName = e.StepName,
                Role = e.Role,
                Actor = e.Actor,
                At = e.At,
                Reason = e.Reason,
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await CatalogSearch.IndexAsync(db, record, cancellationToken);
            if (alongside is not null)
            {
                await alongside(cancellationToken);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException)
        {
            // Another step was recorded first (0 rows at the version seen, or its history entry took the sequence).
            if (transaction is null)
            {
                return CatalogErrors.Conflict(indexNumber);
            }

            await transaction.RollbackAsync(cancellationToken);
            return await ConflictAsync(record.Id, indexNumber, seen, cancellationToken);
        }

        return Result.Ok(new CatalogItemSaved(record.Id, next));
    }

    /// <summary>The history entries up to <paramref name="version"/> (entries are numbered by the version they made).</summary>
    private async Task<IReadOnlyList<CatalogEvent>> EventsAsync(long itemId, int version, CancellationToken cancellationToken) =>
        (await db.CatalogItemEvents.AsNoTracking().Where(e => e.ItemId == itemId && e.Sequence <= version).OrderBy(e => e.Sequence).ToListAsync(cancellationToken))
            .Select(ToEvent).ToList();

    /// <summary>A conflict that says what was done to the item since <paramref name="seen"/> (who did what, when) and where it now stands.</summary>
    private async Task<Conflict> ConflictAsync(long itemId, string indexNumber, int seen, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var since = await db.CatalogItemEvents.AsNoTracking().Where(e => e.ItemId == itemId && e.Sequence > seen).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var record = await db.CatalogItems.AsNoTracking().SingleAsync(i => i.Id == itemId, cancellationToken);
        var now = await ToDomainAsync(record, cancellationToken);
        var changes = string.Join("；", since.Select(ToEvent).Select(CatalogErrors.Describe));
        var state = CatalogItem.StatusLabel(now.Status) + (now.PendingStep is { } p ? $"，待“{p.Name}”（{p.Role}）" : string.Empty);
        return CatalogErrors.Conflict(indexNumber, since.Count == 0 ? null : changes, state);
    }

    private static CatalogEvent ToEvent(CatalogItemEventRecord e) => new(Enum.Parse<CatalogEventKind>(e.Kind), e.Actor, e.At, e.Step, e.StepName, e.Role, e.Reason);

    private async Task<CatalogItem> ToDomainAsync(CatalogItemRecord record, CancellationToken cancellationToken)
    {
        var code = await db.CatalogCategories.Where(c => c.Id == record.CategoryId).Select(c => c.Code).SingleAsync(cancellationToken);
        return ToDomain(record, code);
    }

    private static CatalogItem ToDomain(CatalogItemRecord r, string categoryCode) => new()
    {
        IndexNumber = r.IndexNumber,
        Title = r.Title,
        Summary = r.Summary,
        GeneratedOn = r.GeneratedOn,
        DocumentNumber = r.DocumentNumber,
        Publisher = r.Publisher,
        CategoryCode = categoryCode,
        Channels = PublicationChannels.Split(r.Channels),
        Attachments = DisclosureJson.Attachments(r.Attachments),
        Validity = Enum.Parse<Validity>(r.Validity),
        Status = Enum.Parse<CatalogItemStatus>(r.Status),
        Chain = r.ReviewChain is null ? null : DisclosureJson.Chain(r.ReviewChain),
        CurrentStep = r.CurrentStep,
        ReturnedReason = r.ReturnedReason,
        PublishedOn = r.PublishedOn,
        WithdrawnReason = r.WithdrawnReason,
    };

    private static void Project(CatalogItemRecord r, CatalogItem item, int categoryId, DateTimeOffset now)
    {
        r.Title = item.Title;
        r.Summary = item.Summary;
        r.GeneratedOn = item.GeneratedOn;
        r.DocumentNumber = item.DocumentNumber;
        r.Publisher = item.Publisher;
        r.CategoryId = categoryId;
        r.Channels = PublicationChannels.Join(item.Channels);
        r.Attachments = DisclosureJson.Attachments(item.Attachments);
        r.Validity = item.Validity.ToString();
        r.Status = item.Status.ToString();
        r.ReviewChain = item.Chain is null ? null : DisclosureJson.Chain(item.Chain);
        r.CurrentStep = item.CurrentStep;
        r.ReturnedReason = item.ReturnedReason;
        r.PublishedOn = item.PublishedOn;
        r.WithdrawnReason = item.WithdrawnReason;
        r.UpdatedAt = now;
    }
}
