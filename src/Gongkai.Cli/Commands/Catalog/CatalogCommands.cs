using System.CommandLine;
using System.Globalization;
using Gongkai.Application.Catalog;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Cli.Commands.Catalog;

/// <summary>
/// <c>gongkai catalog …</c>: the 政府信息公开目录 (Arts. 12, 19–26) and its review chain (Art. 17); every change goes
/// through the catalogue's use cases (<see cref="CatalogServices"/>).
/// </summary>
internal static class CatalogCommands
{
    public static Command Create(CliOutput output, TimeProvider clock)
    {
        var catalog = new Command("catalog", "主动公开目录：起草、逐级审核、发布、撤回、查询（第十二条、第十九至二十六条）。");
        catalog.Subcommands.Add(CreateAdd(output, clock));
        catalog.Subcommands.Add(CreateEdit(output, clock));
        catalog.Subcommands.Add(CreateAttach(output, clock));
        catalog.Subcommands.Add(CreateStep(output, clock, "submit", "送审：进入本机关审核流程的第一步。", Step.Submit));
        catalog.Subcommands.Add(CreateStep(output, clock, "approve", "当前审核步骤同意；最后一步同意后可发布。", Step.Approve));
        catalog.Subcommands.Add(CreateStep(output, clock, "refuse", "当前审核步骤退回（须 --reason），信息回到草稿。", Step.Refuse));
        catalog.Subcommands.Add(CreateStep(output, clock, "publish", "发布审核通过的信息（进入公开目录，可被检索）。", Step.Publish));
        catalog.Subcommands.Add(CreateStep(output, clock, "withdraw", "撤回已发布的信息（须 --reason）。", Step.Withdraw));
        catalog.Subcommands.Add(CreateList(output, clock));
        catalog.Subcommands.Add(CreateSearch(output, clock));
        catalog.Subcommands.Add(CreateSettings(output, clock));
        return catalog;
    }

    private enum Step
    {
        Submit,
        Approve,
        Refuse,
        Publish,
        Withdraw,
    }
    private static Command CreateAdd(CliOutput output, TimeProvider clock)
    {
        var agency = CliContext.AgencyOption();
        var title = new Option<string>("--title") { Description = "信息名称", Required = true };
        var summary = new Option<string>("--summary") { Description = "内容概述", Required = true };
        var generated = DateOption.Create("--generated", "生成日期，如 2025-09-26（第二十六条：20个工作日内公开）", required: true);
        var category = new Option<string>("--category") { Description = "主题分类代码或名称，如 art20-05 或 行政许可和对外管理服务", Required = true };
        var channels = new Option<string?>("--channels") { Description = "发布渠道，逗号分隔：website（政府网站，默认）、gazette、new-media、press-conference、press、notice-board、other" };
        var docNumber = new Option<string?>("--doc-number") { Description = "文号" };
        var publisher = new Option<string?>("--publisher") { Description = "发布机构（默认为本机关）" };
        var by = new Option<string?>("--by") { Description = "拟稿人（记入办理记录）" };
        var database = new CliDatabase();
        var add = new Command("add", "起草一条目录信息，按本机关的索引号格式编号。") { agency, title, summary, generated, category, channels, docNumber, publisher, by };
        database.AddTo(add);
        add.SetAction(async (parse, ct) =>
        {
            if (PastDate(parse.GetValue(generated), "--generated", GeneratedMeaning, clock, out var generatedOn) is { } badDate)
            {
                return output.Fail(badDate);
            }

            if (ParseChannels(parse.GetValue(channels) ?? "website", out var parsedChannels) is { } badChannel)
            {
                return output.Fail(badChannel);
            }

            var on = generatedOn!.Value;

            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agency, ct);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }
            var result = await context.Get<DraftCatalogItem>().ExecuteAsync(new NewCatalogItem(context.AgencyId, parse.GetValue(title)!, parse.GetValue(summary)!, on,
                parse.GetValue(category)!, parse.GetValue(publisher), parse.GetValue(docNumber), parsedChannels, Actor: parse.GetValue(by)), [], cancellationToken: ct);
            if (result.Error is { } error)
            {
                return output.Fail(error);
            }

            var saved = result.Value!;

            var calendar = await context.Get<CatalogStores>().CalendarAsync(ct);
            output.Out.WriteLine(saved.Item.IndexNumber);
            output.Error.WriteLine($"已起草：{saved.Item.Title}（应于 {CliParsing.Iso(saved.Item.DueOn(calendar))} 前公开，第二十六条）");
            return ExitCodes.Ok;
        });
        return add;
    }

    /// <summary>修改草稿: the options given replace the draft's fields; the others keep their value.</summary>
    private static Command CreateEdit(CliOutput output, TimeProvider clock)
    {
        var index = new Argument<string>("INDEX") { Description = "索引号" };
        var agency = CliContext.AgencyOption();
        var by = new Option<string>("--by") { Description = "经办人姓名", Required = true };
        var title = new Option<string?>("--title") { Description = "信息名称" };
        var summary = new Option<string?>("--summary") { Description = "内容概述" };
        var generated = DateOption.Create("--generated", "生成日期，如 2025-09-26");
        var category = new Option<string?>("--category") { Description = "主题分类代码或名称" };
        var channels = new Option<string?>("--channels") { Description = "发布渠道，逗号分隔（见 catalog add）" };
        var docNumber = new Option<string?>("--doc-number") { Description = "文号（空字符串清除）" };
        var publisher = new Option<string?>("--publisher") { Description = "发布机构" };
        var database = new CliDatabase();
        var edit = new Command("edit", "修改草稿（新起草或被退回的信息）；未给出的选项保持原值。审核中和已发布的信息不能修改。")
        {
            index, agency, by, title, summary, generated, category, channels, docNumber, publisher,
        };
        database.AddTo(edit);
        edit.SetAction(async (parse, ct) =>
        {
            if (PastDate(parse.GetValue(generated), "--generated", GeneratedMeaning, clock, out var on) is { } badDate)
            {
                return output.Fail(badDate);
            }

            List<PublicationChannel>? parsedChannels = null;
            if (parse.GetValue(channels) is { } list && ParseChannels(list, out parsedChannels) is { } badChannel)
            {
                return output.Fail(badChannel);
            }

            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agency, ct);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            var store = await context.Get<CatalogStores>().OpenAsync(ct);
            if (await store.FindAsync(context.AgencyId, parse.GetValue(index)!, ct) is not { } item)
            {
                return output.Fail(CatalogErrors.NotFound(parse.GetValue(index)!));
            }

            var step = new CatalogStepRequest(context.AgencyId, item.IndexNumber, parse.GetValue(by)!, SeenVersion: null);
            var result = await context.Get<EditCatalogItem>().ExecuteAsync(new EditCatalogItemRequest(step, new CatalogEdit(
                parse.GetValue(title) ?? item.Title,
                parse.GetValue(summary) ?? item.Summary,
                on ?? item.GeneratedOn,
                parse.GetValue(category) ?? item.CategoryCode,
                parse.GetValue(publisher) ?? item.Publisher,
                parse.GetValue(docNumber) ?? item.DocumentNumber,
                parsedChannels ?? item.Channels)), ct);
            if (result.Error is { } error)
            {
                return output.Fail(error);
            }

            var saved = result.Value!;

            output.Error.WriteLine($"已修改：{saved.Item.IndexNumber} {saved.Item.Title}");
            return ExitCodes.Ok;
        });
        return edit;
    }

    /// <summary>附件: attaches files to a draft, each checked before any is stored.</summary>
    private static Command CreateAttach(CliOutput output, TimeProvider clock)
    {
        var index = new Argument<string>("INDEX") { Description = "索引号" };
        var files = new Argument<string[]>("FILE") { Description = "要附加的文件（PDF、OFD、Word、WPS、Excel、图片、ZIP）", Arity = ArgumentArity.OneOrMore };
        var agency = CliContext.AgencyOption();
        var by = new Option<string>("--by") { Description = "经办人姓名", Required = true };
        var max = new Option<long?>("--max-bytes") { Description = $"单个附件的大小上限（字节，默认 {AttachmentRules.DefaultMaxBytes}）" };
        var database = new CliDatabase();
        var attach = new Command("attach", "为草稿添加附件；只有草稿可以添加。先检查全部文件，任何一个不合格则一个也不添加。") { index, files, agency, by, max };
        database.AddTo(attach);
        attach.SetAction(async (parse, ct) =>
        {
            var limit = parse.GetValue(max) ?? AttachmentRules.DefaultMaxBytes;
            var read = new List<(string Name, byte[] Content)>();
            foreach (var path in parse.GetValue(files)!)
            {
                if (!File.Exists(path))
                {
                    return output.Fail($"文件“{path}”不存在");
                }

                var content = await File.ReadAllBytesAsync(path, ct);
                if (AttachmentRules.Problem(Path.GetFileName(path), content, limit) is { } problem)
                {
                    return output.Fail(problem);
                }

                read.Add((Path.GetFileName(path), content));
            }

            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agency, ct);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            var store = await context.Get<CatalogStores>().OpenAsync(ct);
            if (await store.FindAsync(context.AgencyId, parse.GetValue(index)!, ct) is not { Status: CatalogItemStatus.Draft } item)
            {
                var existing = await store.FindAsync(context.AgencyId, parse.GetValue(index)!, ct);
                return output.Fail(existing is null ? CatalogErrors.NotFound(parse.GetValue(index)!) : CatalogErrors.AttachmentsOnlyToDrafts(existing.Status));
            }

            var duplicate = read.GroupBy(f => f.Name).FirstOrDefault(g => g.Count() > 1 || item.Attachments.Any(a => a.Name == g.Key));
            if (duplicate is not null)
            {
                return output.Fail($"已有名为“{duplicate.Key}”的附件；请改用其他文件名");
            }

            // All or none: one transaction stores every file, or (a race with another change of the item) none.
            var step = new CatalogStepRequest(context.AgencyId, item.IndexNumber, parse.GetValue(by)!, SeenVersion: null);
            if ((await context.Get<AttachToCatalogItem>().ExecuteAsync(new AttachToCatalogItemRequest(step, read, limit), ct)).Error is { } error)
            {
                return output.Fail(error);
            }

            foreach (var (name, content) in read)
            {
                output.Error.WriteLine($"已添加附件：{name}（{AttachmentRules.Megabytes(content.Length)}）");
            }

            return ExitCodes.Ok;
        });
        return attach;
    }

    private static Command CreateStep(CliOutput output, TimeProvider clock, string name, string description, Step step)
    {
        var index = new Argument<string>("INDEX") { Description = "索引号" };
        var agency = CliContext.AgencyOption();
        var by = new Option<string>("--by") { Description = "经办人或审核人姓名", Required = true };
        var role = new Option<string?>("--role") { Description = "审核人的角色（须与当前步骤的角色一致；省略时取当前步骤的角色）" };
        var reason = new Option<string?>("--reason") { Description = step is Step.Refuse or Step.Withdraw ? "理由（必填）" : "意见" };
        var on = DateOption.Create("--on", "发布日期（默认今天）");
        var database = new CliDatabase();
        var command = new Command(name, description) { index, agency, by };
        if (step is Step.Approve or Step.Refuse)
        {
            command.Options.Add(role);
        }

        if (step is Step.Approve or Step.Refuse or Step.Withdraw)
        {
            command.Options.Add(reason);
        }

        if (step is Step.Publish)
        {
            command.Options.Add(on);
        }

        database.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (PastDate(parse.GetValue(on), "--on", "发布日期：只能记录已经发布的日期", clock, out var publishOn) is { } badDate)
            {
                return output.Fail(badDate);
            }

            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agency, ct);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            var request = new CatalogStepRequest(context.AgencyId, parse.GetValue(index)!, parse.GetValue(by)!, SeenVersion: null);
            var result = step switch
            {
                Step.Submit => await context.Get<SubmitCatalogItem>().ExecuteAsync(request, ct),
                Step.Approve => await context.Get<ApproveCatalogItem>().ExecuteAsync(new CatalogDecisionRequest(request, parse.GetValue(role), parse.GetValue(reason)), ct),
                Step.Refuse => await context.Get<RefuseCatalogItem>().ExecuteAsync(new CatalogDecisionRequest(request, parse.GetValue(role), parse.GetValue(reason)), ct),
                Step.Publish => await context.Get<PublishCatalogItem>().ExecuteAsync(new PublishCatalogItemRequest(request, publishOn), ct),
                Step.Withdraw => await context.Get<WithdrawCatalogItem>().ExecuteAsync(new WithdrawCatalogItemRequest(request, parse.GetValue(reason) ?? string.Empty), ct),
            };
            if (result.Error is { } error)
            {
                return output.Fail(error);
            }

            var saved = result.Value!;

            var item = saved.Item;
            output.Out.WriteLine(item.Status switch
            {
                CatalogItemStatus.InReview => $"{item.IndexNumber} 审核中：待“{item.PendingStep!.Name}”（{item.PendingStep.Role}）",
                CatalogItemStatus.Draft => $"{item.IndexNumber} 已退回草稿：{item.ReturnedReason}",
                CatalogItemStatus.Approved => $"{item.IndexNumber} 审核通过，待发布",
                CatalogItemStatus.Published => $"{item.IndexNumber} 已发布（{CliParsing.Iso(item.PublishedOn!.Value)}，{string.Join("、", item.Channels.Select(c => c.Label()))}）",
                CatalogItemStatus.Withdrawn => $"{item.IndexNumber} 已撤回：{item.WithdrawnReason}",
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateList(CliOutput output, TimeProvider clock)
    {
        var agency = CliContext.AgencyOption();
        var status = new Option<string?>("--status") { Description = "只列出某一状态：draft、in-review、approved、published、withdrawn" };
        status.AcceptOnlyFromAmong("draft", "in-review", "approved", "published", "withdrawn");
        var overdue = new Option<bool>("--overdue") { Description = "只列出超过第二十六条公开期限（生成之日起20个工作日）仍未公开的信息" };
        var today = DateOption.Create("--today", "以此日期判断是否逾期（默认今天）");
        var database = new CliDatabase();
        var list = new Command("list", "列出目录信息：索引号、状态、生成日期、应公开日期、是否逾期。") { agency, status, overdue, today };
        database.AddTo(list);
        list.SetAction(async (parse, ct) =>
        {
            var day = parse.GetValue(today);

            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agency, ct);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            CatalogItemStatus? filter = parse.GetValue(status) switch
            {
                "draft" => CatalogItemStatus.Draft,
                "in-review" => CatalogItemStatus.InReview,
                "approved" => CatalogItemStatus.Approved,
                "published" => CatalogItemStatus.Published,
                "withdrawn" => CatalogItemStatus.Withdrawn,
                _ => null,
            };
            var rows = await (await context.Get<CatalogStores>().OpenAsync(ct)).ListAsync(context.AgencyId, filter, parse.GetValue(overdue), day, cancellationToken: ct);
            output.Out.WriteLine("索引号\t名称\t主题分类\t状态\t生成日期\t应公开日期\t发布日期\t逾期");
            foreach (var r in rows)
            {
                var state = CatalogItem.StatusLabel(r.Status) + (r.PendingStep is { } s ? $"（{s}）" : string.Empty)
                    + (r.Validity != Validity.Valid ? $"（{CatalogItem.ValidityLabel(r.Validity)}）" : string.Empty);
                output.Out.WriteLine($"{r.IndexNumber}\t{r.Title}\t{r.Category}\t{state}\t{CliParsing.Iso(r.GeneratedOn)}\t{CliParsing.Iso(r.DueOn)}\t{(r.PublishedOn is { } p ? CliParsing.Iso(p) : "")}\t{(r.Overdue ? "逾期" : "")}");
            }

            output.Error.WriteLine($"共{rows.Count}条" + (rows.Any(r => r.Overdue) ? $"，其中{rows.Count(r => r.Overdue)}条已超过第二十六条规定的公开期限" : string.Empty));
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command CreateSearch(CliOutput output, TimeProvider clock)
    {
        var words = new Argument<string[]>("WORDS") { Description = "检索词（一个或多个，空格分隔；中文无需分词）", Arity = ArgumentArity.OneOrMore };
        var agency = new Option<string?>("--agency") { Description = "只检索某机关（机关代码或名称，默认全部）" };
        var category = new Option<string?>("--category") { Description = "主题分类代码" };
        var page = new Option<int>("--page") { Description = "页码，每页20条", DefaultValueFactory = _ => 1 };
        var database = new CliDatabase();
        var search = new Command("search", "检索已发布的目录信息（名称和内容概述中包含全部检索词）。") { words, agency, category, page };
        database.AddTo(search);
        search.SetAction(async (parse, ct) =>
        {
            // --agency is optional here: without it, every agency's published items.
            await using var context = await CliContext.OpenAsync(database, parse, output, clock, parse.GetValue(agency), ct);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            int? agencyId = parse.GetValue(agency) is null ? null : context.AgencyId;
            var result = await context.Get<SearchCatalog>().ExecuteAsync(new SearchCatalogRequest(agencyId, string.Join(' ', parse.GetValue(words)!), parse.GetValue(category), parse.GetValue(page)), ct);
            foreach (var hit in result.Items)
            {
                output.Out.WriteLine($"{hit.IndexNumber}\t{hit.Title}\t{hit.Category}\t{(hit.PublishedOn is { } p ? CliParsing.Iso(p) : "")}\t{CatalogItem.ValidityLabel(hit.Validity)}");
            }

            output.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"共{(result.TotalIsApproximate ? "约" : "")}{result.Total}条，第{result.Page}页"));
            return ExitCodes.Ok;
        });
        return search;
    }

    private static Command CreateSettings(CliOutput output, TimeProvider clock)
    {
        var agency = CliContext.AgencyOption();
        var pattern = new Option<string?>("--index-pattern") { Description = "索引号格式，如 {机构代码}/{YYYY}-{NNNNN}" };
        var chain = new Option<string?>("--review-chain") { Description = "审核流程，如 \"保密审查:保密审查员 → 科室负责人审核:科室负责人 → 主要负责人签发:主要负责人\"" };
        var decimals = new Option<int?>("--fee-decimals") { Description = "2021年格式“本年收费金额（万元）”保留的小数位数（默认4）" };
        var database = new CliDatabase();
        var separate = new Option<bool?>("--separate-duties") { Description = "审核分离：true 时拟稿人不能审核自己起草的信息，同一人对同一信息只审核一个步骤；false 关闭（默认）" };
        var settings = new Command("settings", "查看或修改本机关的索引号格式、审核流程、审核分离和收费金额小数位数。") { agency, pattern, chain, decimals, separate };
        database.AddTo(settings);
        settings.SetAction(async (parse, ct) =>
        {
            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agency, ct);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }
            var current = await (await context.Get<CatalogStores>().OpenAsync(ct)).SettingsAsync(context.AgencyId, ct);
            string? error = null;
            if (parse.GetValue(pattern) is { } p)
            {
                current = current with { IndexPattern = IndexNumberPattern.Parse(p, out error) ?? current.IndexPattern };
            }

            if (error is null && parse.GetValue(chain) is { } c)
            {
                current = current with { ReviewChain = ReviewChain.Parse(c, out error) ?? current.ReviewChain };
            }

            if (parse.GetValue(decimals) is { } d)
            {
                error ??= d is < 0 or > 6 ? "--fee-decimals 应为0至6" : null;
                current = current with { FeeDecimals = d };
            }

            if (parse.GetValue(separate) is { } sep)
            {
                current = current with { SeparateDuties = sep };
            }

            if (error is not null)
            {
                return output.Fail(error);
            }

            if ((await context.Get<SaveDisclosureSettings>().ExecuteAsync(new SaveDisclosureSettingsRequest(context.AgencyId, current, "命令行", SeenVersion: null), ct)).Error is { } saveError)
            {
                return output.Fail(saveError);
            }

            output.Out.WriteLine($"索引号格式：{current.IndexPattern.Text}");
            output.Out.WriteLine($"审核流程：{current.ReviewChain} → 办公室发布");
            output.Out.WriteLine($"审核分离：{(current.SeparateDuties ? "开启" : "关闭")}");
            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"收费金额（万元）小数位数：{current.FeeDecimals}"));
            return ExitCodes.Ok;
        });
        return settings;
    }

    private const string GeneratedMeaning = "生成日期：应为信息形成或变更之日（第二十六条），不能晚于今天";

    /// <summary>
    /// An optional date option that may not be after today in China: null text gives null; a malformed or future date
    /// gives the message, naming the option and what the date means.
    /// </summary>
    private static string? PastDate(DateOnly? given, string option, string meaning, TimeProvider clock, out DateOnly? date)
    {
        date = null;
        if (given is not { } d)
        {
            return null;
        }

        if (d > CliParsing.ChinaToday(clock))
        {
            return $"{option} {CliParsing.Iso(d)} 晚于今天（{meaning}）";
        }

        date = d;
        return null;
    }

    /// <summary>Channels from <c>website,gazette</c> (keys or Chinese names); the message names the one not recognised.</summary>
    private static string? ParseChannels(string text, out List<PublicationChannel> channels)
    {
        channels = [];
        foreach (var part in text.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (PublicationChannels.Parse(part) is not { } channel)
            {
                return $"--channels 发布渠道“{part}”无法识别";
            }

            channels.Add(channel);
        }

        return null;
    }
}
