using Gongkai.Data.Records;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
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
        return row is null
            ? DisclosureSettings.Default
            : new DisclosureSettings(IndexNumberPattern.Parse(row.IndexPattern, out _) ?? IndexNumberPattern.Default, DisclosureJson.Chain(row.ReviewChain), row.FeeDecimals);
    }

    /// <summary>Stores the agency's settings (a new chain applies to items submitted from now on).</summary>
    public async Task SaveSettingsAsync(int agencyId, DisclosureSettings settings, CancellationToken cancellationToken = default)
    {
        var row = await db.DisclosureSettings.SingleOrDefaultAsync(s => s.AgencyId == agencyId, cancellationToken);
        if (row is null)
        {
            row = new DisclosureSettingsRecord { AgencyId = agencyId, IndexPattern = string.Empty, ReviewChain = string.Empty };
            db.DisclosureSettings.Add(row);
        }

        row.IndexPattern = settings.IndexPattern.Text;
        row.ReviewChain = DisclosureJson.Chain(settings.ReviewChain);
        row.FeeDecimals = settings.FeeDecimals;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The agency's categories in order; the standard Art. 20 set is created the first time.</summary>
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

        await db.SaveChangesAsync(cancellationToken);
        return await db.CatalogCategories.AsNoTracking().Where(c => c.AgencyId == agencyId).OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
    }

    /// <summary>Adds a local category (e.g. 动态类信息) after the existing ones; refused when the code or name is taken.</summary>
    public async Task<CatalogCommandResult?> AddCategoryAsync(int agencyId, string code, string name, int? article20Item = null, CancellationToken cancellationToken = default)
    {
        var existing = await CategoriesAsync(agencyId, cancellationToken);
        if (existing.Any(c => c.Code == code.Trim() || c.Name == name.Trim()))
        {
            return new CatalogRefusal($"分类“{name}”（{code}）已存在");
        }

        if (article20Item is < 1 or > 15)
        {
            return new CatalogRefusal("第二十条只有第（一）至第（十五）项");
        }

        db.CatalogCategories.Add(new CatalogCategoryRecord { AgencyId = agencyId, Code = code.Trim(), Name = name.Trim(), Article20Item = article20Item, SortOrder = existing.Max(c => c.SortOrder) + 10 });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Drafts an item and gives it the next 索引号 of its scope (per the agency's pattern). When another office took
    /// the same serial at the same moment, the unique index refuses one of them, which takes the next serial.
    /// </summary>
    public async Task<CatalogCommandResult> AddAsync(NewCatalogItem item, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await AddOnceAsync(item, cancellationToken);
            if (result is not CatalogConflict || attempt == 3)
            {
                return result;
            }
        }
    }

    private async Task<CatalogCommandResult> AddOnceAsync(NewCatalogItem item, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == item.AgencyId, cancellationToken);
        if (agency is null)
        {
            return new CatalogRefusal("机关不存在");
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
            return new CatalogRefusal(((CatalogStepRefused)drafted).Reason);
        }

        if (await db.CatalogItems.AnyAsync(i => i.AgencyId == item.AgencyId && i.IndexNumber == draft.IndexNumber, cancellationToken))
        {
            return new CatalogRefusal($"索引号 {draft.IndexNumber} 已被使用（索引号格式 {settings.IndexPattern.Text} 在本机关内不唯一）");
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
            return new CatalogConflict(draft.IndexNumber);
        }

        return new CatalogItemSaved(record.Id, draft);
    }

    /// <summary>送审: into the agency's current review chain.</summary>
    public async Task<CatalogCommandResult> SubmitAsync(int agencyId, string indexNumber, string actor, CancellationToken cancellationToken = default)
    {
        var chain = (await SettingsAsync(agencyId, cancellationToken)).ReviewChain;
        return await StepAsync(agencyId, indexNumber, item => item.Submit(chain, actor, clock.GetUtcNow()), cancellationToken);
    }

    /// <summary>
    /// A decision at the pending step: approve, or refuse with a reason (the item returns to draft). <paramref name="role"/>
    /// must be the step's role; null takes the pending step's role (for callers that checked it themselves).
    /// </summary>
    public Task<CatalogCommandResult> DecideAsync(int agencyId, string indexNumber, bool approve, string actor, string? role, string? reason = null,
        CancellationToken cancellationToken = default) =>
        StepAsync(agencyId, indexNumber, item => item.Decide(approve, actor, role ?? item.PendingStep?.Role ?? string.Empty, clock.GetUtcNow(), reason), cancellationToken);

    /// <summary>发布 on <paramref name="on"/> (default: today in China): the item enters the public catalogue and the search index.</summary>
    public Task<CatalogCommandResult> PublishAsync(int agencyId, string indexNumber, string actor, DateOnly? on = null, CancellationToken cancellationToken = default) =>
        StepAsync(agencyId, indexNumber, item => item.Publish(on ?? Today(), actor, clock.GetUtcNow()), cancellationToken);

    /// <summary>撤回: off the portal and out of the search index, with a reason.</summary>
    public Task<CatalogCommandResult> WithdrawAsync(int agencyId, string indexNumber, string actor, string reason, CancellationToken cancellationToken = default) =>
        StepAsync(agencyId, indexNumber, item => item.Withdraw(reason, actor, clock.GetUtcNow()), cancellationToken);

    /// <summary>有效性 变更 (失效, 废止).</summary>
    public Task<CatalogCommandResult> ChangeValidityAsync(int agencyId, string indexNumber, Validity validity, string actor, CancellationToken cancellationToken = default) =>
        StepAsync(agencyId, indexNumber, item => item.ChangeValidity(validity, actor, clock.GetUtcNow()), cancellationToken);

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
    public async Task<CatalogCommandResult> EditAsync(int agencyId, string indexNumber, CatalogEdit edit, string actor, CancellationToken cancellationToken = default)
    {
        if (await CategoryAsync(agencyId, edit.CategoryCode, cancellationToken) is not { } category)
        {
            return await NoSuchCategoryAsync(agencyId, edit.CategoryCode, cancellationToken);
        }

        return await StepAsync(agencyId, indexNumber, item => item.Edit(edit.Title, edit.Summary, edit.GeneratedOn, edit.Publisher, category.Code,
            edit.Channels, edit.DocumentNumber, item.Attachments, actor, clock.GetUtcNow()), cancellationToken, category.Id);
    }

    /// <summary>
    /// Attaches a file to a draft (附件): checked by <see cref="AttachmentRules"/>, stored in the database, listed on the
    /// item and recorded in its history, in one transaction. Only drafts take attachments: what was reviewed is published.
    /// </summary>
    public async Task<CatalogCommandResult> AddAttachmentAsync(int agencyId, string indexNumber, string fileName, byte[] content, string actor,
        long maxBytes = AttachmentRules.DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        if (AttachmentRules.Problem(fileName, content, maxBytes) is { } problem)
        {
            return new CatalogRefusal(problem);
        }

        var name = AttachmentRules.CleanName(fileName);
        var item = await db.CatalogItems.AsNoTracking().Where(i => i.AgencyId == agencyId && i.IndexNumber == indexNumber.Trim())
            .Select(i => new { i.Id, i.Status }).SingleOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return new CatalogItemNotFound(indexNumber);
        }

        if (item.Status != nameof(CatalogItemStatus.Draft))
        {
            return new CatalogRefusal($"{CatalogItem.StatusLabel(Enum.Parse<CatalogItemStatus>(item.Status))}的信息不能添加附件；审核中的信息须先退回");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
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
        var result = await StepAsync(agencyId, indexNumber, current => current.Attachments.Any(a => a.Name == name)
            ? new CatalogStepRefused($"已有名为“{name}”的附件；请先删除旧附件或改用其他文件名")
            : current.WithAttachments([.. current.Attachments, new CatalogAttachment(name, CatalogAttachmentLocation.Of(file.Id))], actor, clock.GetUtcNow(), $"添加附件“{name}”"),
            cancellationToken);
        if (result is CatalogItemSaved)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            db.ChangeTracker.Clear();
        }

        return result;
    }

    /// <summary>Removes an attachment from a draft, with its file; recorded in the item's history.</summary>
    public async Task<CatalogCommandResult> RemoveAttachmentAsync(int agencyId, string indexNumber, long attachmentId, string actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var file = await (from a in db.CatalogAttachments.AsNoTracking()
                          join i in db.CatalogItems.AsNoTracking() on a.ItemId equals i.Id
                          where i.AgencyId == agencyId && i.IndexNumber == indexNumber.Trim() && a.Id == attachmentId
                          select new { a.Id, a.Name }).SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return new CatalogRefusal("没有这个附件");
        }

        var location = CatalogAttachmentLocation.Of(file.Id);
        var result = await StepAsync(agencyId, indexNumber,
            current => current.WithAttachments([.. current.Attachments.Where(a => a.Location != location)], actor, clock.GetUtcNow(), $"删除附件“{file.Name}”"), cancellationToken);
        if (result is not CatalogItemSaved)
        {
            db.ChangeTracker.Clear();
            return result;
        }

        await db.CatalogAttachments.Where(a => a.Id == file.Id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
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
        return rows.Select(e => new CatalogEvent(Enum.Parse<CatalogEventKind>(e.Kind), e.Actor, e.At, e.Step, e.StepName, e.Role, e.Reason)).ToList();
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

    private async Task<CatalogRefusal> NoSuchCategoryAsync(int agencyId, string codeOrName, CancellationToken cancellationToken) =>
        new($"没有主题分类“{codeOrName}”；可选：{string.Join("、", (await CategoriesAsync(agencyId, cancellationToken)).Select(c => $"{c.Code}（{c.Name}）"))}");

    private DateOnly Today() => ChinaTime.Today(clock);

    private async Task<CatalogCommandResult> StepAsync(int agencyId, string indexNumber, Func<CatalogItem, CatalogStepResult> step, CancellationToken cancellationToken,
        int? categoryId = null)
    {
        var record = await db.CatalogItems.SingleOrDefaultAsync(i => i.AgencyId == agencyId && i.IndexNumber == indexNumber.Trim(), cancellationToken);
        if (record is null)
        {
            return new CatalogItemNotFound(indexNumber);
        }

        var current = await ToDomainAsync(record, cancellationToken);
        var result = step(current);
        if (result is not CatalogStepAccepted { Item: var next, Event: var e })
        {
            return new CatalogRefusal(((CatalogStepRefused)result).Reason);
        }

        var now = clock.GetUtcNow();
        // A caller that wrote something with the step (an attachment) has its own transaction open: the step joins it.
        var own = db.Database.CurrentTransaction is null;
        await using var transaction = own ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        Project(record, next, categoryId ?? record.CategoryId, now);
        if (e is not null)
        {
            record.Version++;
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
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new CatalogConflict(indexNumber);
        }

        return new CatalogItemSaved(record.Id, next);
    }

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
