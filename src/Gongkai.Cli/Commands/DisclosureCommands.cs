using System.CommandLine;
using System.Globalization;
using Gongkai.Data;
using Gongkai.Data.Calendar;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Records;
using Gongkai.Documents.Disclosure;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Cli.Commands;

/// <summary>
/// 主动公开 (Arts. 19–26) on the command line: <c>gongkai catalog …</c> (the 政府信息公开目录 and its review chain),
/// <c>gongkai article20 …</c> (the figures of section 二) and <c>gongkai documents …</c> (the register of 规章 and 规范性文件).
/// </summary>
internal static class DisclosureCommands
{
    public static IEnumerable<Command> Create(CliOutput output, TimeProvider clock)
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
        catalog.Subcommands.Add(CreateSearch(output));
        catalog.Subcommands.Add(CreateSettings(output, clock));
        yield return catalog;

        var article20 = new Command("article20", "年度报告第二部分的第二十条统计数：行政许可、其他对外管理服务事项、行政处罚、行政强制、行政事业性收费、政府集中采购。");
        article20.Subcommands.Add(CreateFigureSet(output, clock));
        article20.Subcommands.Add(CreateFigureImport(output, clock));
        yield return article20;

        var documents = new Command("documents", "规章和规范性文件登记（第二十条第（一）项）。");
        documents.Subcommands.Add(CreateDocumentAdd(output, clock));
        documents.Subcommands.Add(CreateDocumentList(output, clock));
        documents.Subcommands.Add(CreateDocumentUpdate(output));
        documents.Subcommands.Add(CreateDocumentRepeal(output, clock));
        documents.Subcommands.Add(CreateDocumentRemove(output));
        yield return documents;
    }

    private enum Step
    {
        Submit,
        Approve,
        Refuse,
        Publish,
        Withdraw,
    }

    private static Option<string> AgencyOption() => new("--agency") { Description = "机关名称", Required = true };

    private static Command CreateAdd(CliOutput output, TimeProvider clock)
    {
        var agency = AgencyOption();
        var title = new Option<string>("--title") { Description = "信息名称", Required = true };
        var summary = new Option<string>("--summary") { Description = "内容概述", Required = true };
        var generated = new Option<string>("--generated") { Description = "生成日期，如 2025-09-26（第二十六条：20个工作日内公开）", Required = true };
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

            await using var db = await database.OpenAsync(parse, output, ct);
            if (db is null)
            {
                return ExitCodes.BadInput;
            }

            if (await FindAgencyAsync(db, parse.GetValue(agency)!, output, ct) is not { } found)
            {
                return ExitCodes.BadInput;
            }
            var store = new CatalogStore(db, await CalendarStore.LoadAsync(db, ct), clock);
            var result = await store.AddAsync(new NewCatalogItem(found.Id, parse.GetValue(title)!, parse.GetValue(summary)!, on, parse.GetValue(category)!,
                parse.GetValue(publisher), parse.GetValue(docNumber), parsedChannels, Actor: parse.GetValue(by)), ct);
            if (result is not CatalogItemSaved saved)
            {
                return Fail(output, result);
            }

            var calendar = await CalendarStore.LoadAsync(db, ct);
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
        var agency = AgencyOption();
        var by = new Option<string>("--by") { Description = "经办人姓名", Required = true };
        var title = new Option<string?>("--title") { Description = "信息名称" };
        var summary = new Option<string?>("--summary") { Description = "内容概述" };
        var generated = new Option<string?>("--generated") { Description = "生成日期，如 2025-09-26" };
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

            await using var db = await database.OpenAsync(parse, output, ct);
            if (db is null)
            {
                return ExitCodes.BadInput;
            }

            if (await FindAgencyAsync(db, parse.GetValue(agency)!, output, ct) is not { } found)
            {
                return ExitCodes.BadInput;
            }

            var store = new CatalogStore(db, await CalendarStore.LoadAsync(db, ct), clock);
            if (await store.FindAsync(found.Id, parse.GetValue(index)!, ct) is not { } item)
            {
                return output.Fail($"没有索引号为 {parse.GetValue(index)} 的信息");
            }

            var result = await store.EditAsync(found.Id, item.IndexNumber, new CatalogEdit(
                parse.GetValue(title) ?? item.Title,
                parse.GetValue(summary) ?? item.Summary,
                on ?? item.GeneratedOn,
                parse.GetValue(category) ?? item.CategoryCode,
                parse.GetValue(publisher) ?? item.Publisher,
                parse.GetValue(docNumber) ?? item.DocumentNumber,
                parsedChannels ?? item.Channels), parse.GetValue(by)!, cancellationToken: ct);
            if (result is not CatalogItemSaved saved)
            {
                return Fail(output, result);
            }

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
        var agency = AgencyOption();
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

            await using var db = await database.OpenAsync(parse, output, ct);
            if (db is null)
            {
                return ExitCodes.BadInput;
            }

            if (await FindAgencyAsync(db, parse.GetValue(agency)!, output, ct) is not { } found)
            {
                return ExitCodes.BadInput;
            }

            var store = new CatalogStore(db, await CalendarStore.LoadAsync(db, ct), clock);
            if (await store.FindAsync(found.Id, parse.GetValue(index)!, ct) is not { Status: CatalogItemStatus.Draft } item)
            {
                var existing = await store.FindAsync(found.Id, parse.GetValue(index)!, ct);
                return output.Fail(existing is null ? $"没有索引号为 {parse.GetValue(index)} 的信息" : $"{CatalogItem.StatusLabel(existing.Status)}的信息不能添加附件；审核中的信息须先退回");
            }

            var duplicate = read.GroupBy(f => f.Name).FirstOrDefault(g => g.Count() > 1 || item.Attachments.Any(a => a.Name == g.Key));
            if (duplicate is not null)
            {
                return output.Fail($"已有名为“{duplicate.Key}”的附件；请改用其他文件名");
            }

            // All or none: one transaction stores every file, or (a race with another change of the item) none.
            if (await store.AddAttachmentsAsync(found.Id, item.IndexNumber, read, parse.GetValue(by)!, limit, cancellationToken: ct) is not CatalogItemSaved and var result)
            {
                return Fail(output, result);
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
        var agency = AgencyOption();
        var by = new Option<string>("--by") { Description = "经办人或审核人姓名", Required = true };
        var role = new Option<string?>("--role") { Description = "审核人的角色（须与当前步骤的角色一致；省略时取当前步骤的角色）" };
        var reason = new Option<string?>("--reason") { Description = step is Step.Refuse or Step.Withdraw ? "理由（必填）" : "意见" };
        var on = new Option<string?>("--on") { Description = "发布日期（默认今天）" };
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

            await using var db = await database.OpenAsync(parse, output, ct);
            if (db is null)
            {
                return ExitCodes.BadInput;
            }

            if (await FindAgencyAsync(db, parse.GetValue(agency)!, output, ct) is not { } found)
            {
                return ExitCodes.BadInput;
            }

            var store = new CatalogStore(db, await CalendarStore.LoadAsync(db, ct), clock);
            var i = parse.GetValue(index)!;
            var who = parse.GetValue(by)!;
            var result = step switch
            {
                Step.Submit => await store.SubmitAsync(found.Id, i, who, cancellationToken: ct),
                Step.Approve => await store.DecideAsync(found.Id, i, true, who, parse.GetValue(role), parse.GetValue(reason), cancellationToken: ct),
                Step.Refuse => await store.DecideAsync(found.Id, i, false, who, parse.GetValue(role), parse.GetValue(reason), cancellationToken: ct),
                Step.Publish => await store.PublishAsync(found.Id, i, who, publishOn, cancellationToken: ct),
                Step.Withdraw => await store.WithdrawAsync(found.Id, i, who, parse.GetValue(reason) ?? string.Empty, cancellationToken: ct),
            };
            if (result is not CatalogItemSaved saved)
            {
                return Fail(output, result);
            }

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
        var agency = AgencyOption();
        var status = new Option<string?>("--status") { Description = "只列出某一状态：draft、in-review、approved、published、withdrawn" };
        status.AcceptOnlyFromAmong("draft", "in-review", "approved", "published", "withdrawn");
        var overdue = new Option<bool>("--overdue") { Description = "只列出超过第二十六条公开期限（生成之日起20个工作日）仍未公开的信息" };
        var today = new Option<string?>("--today") { Description = "以此日期判断是否逾期（默认今天）" };
        var database = new CliDatabase();
        var list = new Command("list", "列出目录信息：索引号、状态、生成日期、应公开日期、是否逾期。") { agency, status, overdue, today };
        database.AddTo(list);
        list.SetAction(async (parse, ct) =>
        {
            DateOnly? day = null;
            if (parse.GetValue(today) is { } t)
            {
                if (!CliParsing.TryParseDate(t, out var d))
                {
                    return output.Fail($"--today 日期“{t}”无效");
                }

                day = d;
            }

            await using var db = await database.OpenAsync(parse, output, ct);
            if (db is null || await FindAgencyAsync(db, parse.GetValue(agency)!, output, ct) is not { } found)
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
            var rows = await new CatalogStore(db, await CalendarStore.LoadAsync(db, ct), clock).ListAsync(found.Id, filter, parse.GetValue(overdue), day, cancellationToken: ct);
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

    private static Command CreateSearch(CliOutput output)
    {
        var words = new Argument<string[]>("WORDS") { Description = "检索词（一个或多个，空格分隔；中文无需分词）", Arity = ArgumentArity.OneOrMore };
        var agency = new Option<string?>("--agency") { Description = "只检索某机关（默认全部）" };
        var category = new Option<string?>("--category") { Description = "主题分类代码" };
        var page = new Option<int>("--page") { Description = "页码，每页20条", DefaultValueFactory = _ => 1 };
        var database = new CliDatabase();
        var search = new Command("search", "检索已发布的目录信息（名称和内容概述中包含全部检索词）。") { words, agency, category, page };
        database.AddTo(search);
        search.SetAction(async (parse, ct) =>
        {
            await using var db = await database.OpenAsync(parse, output, ct);
            if (db is null)
            {
                return ExitCodes.BadInput;
            }

            int? agencyId = null;
            if (parse.GetValue(agency) is { } name)
            {
                if (await FindAgencyAsync(db, name, output, ct) is not { } found)
                {
                    return ExitCodes.BadInput;
                }

                agencyId = found.Id;
            }

            var result = await new CatalogSearch(db).SearchAsync(agencyId, string.Join(' ', parse.GetValue(words)!), parse.GetValue(category), parse.GetValue(page), cancellationToken: ct);
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
        var agency = AgencyOption();
        var pattern = new Option<string?>("--index-pattern") { Description = "索引号格式，如 {机构代码}/{YYYY}-{NNNNN}" };
        var chain = new Option<string?>("--review-chain") { Description = "审核流程，如 \"保密审查:保密审查员 → 科室负责人审核:科室负责人 → 主要负责人签发:主要负责人\"" };
        var decimals = new Option<int?>("--fee-decimals") { Description = "2021年格式“本年收费金额（万元）”保留的小数位数（默认4）" };
        var database = new CliDatabase();
        var separate = new Option<bool?>("--separate-duties") { Description = "审核分离：true 时拟稿人不能审核自己起草的信息，同一人对同一信息只审核一个步骤；false 关闭（默认）" };
        var settings = new Command("settings", "查看或修改本机关的索引号格式、审核流程、审核分离和收费金额小数位数。") { agency, pattern, chain, decimals, separate };
        database.AddTo(settings);
        settings.SetAction(async (parse, ct) =>
        {
            await using var db = await database.OpenAsync(parse, output, ct);
            if (db is null)
            {
                return ExitCodes.BadInput;
            }

            if (await FindAgencyAsync(db, parse.GetValue(agency)!, output, ct) is not { } found)
            {
                return ExitCodes.BadInput;
            }
            var store = new CatalogStore(db, await CalendarStore.LoadAsync(db, ct), clock);
            var current = await store.SettingsAsync(found.Id, ct);
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

            if ((await store.SaveSettingsAsync(found.Id, current, "命令行", cancellationToken: ct)).Error is { } saveError)
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

    private static Command CreateFigureSet(CliOutput output, TimeProvider clock)
    {
        var agency = AgencyOption();
        var year = new Option<int>("--year") { Description = "年度", Required = true };
        var row = new Option<string>("--row") { Description = "事项：" + string.Join("、", Article20FigureRows.All.Select(r => r.Label)), Required = true };
        var items = new Option<int?>("--items") { Description = "项目数量（年末；2019年格式据此计算上一年项目数量和本年增/减）" };
        var decisions = new Option<int?>("--decisions") { Description = "处理决定数量" };
        var projects = new Option<int?>("--projects") { Description = "采购项目数量" };
        var amount = new Option<decimal?>("--amount") { Description = "金额（元）：收费金额或采购总金额" };
        var database = new CliDatabase();
        var set = new Command("set", "录入某年度某事项的统计数（未给出的项保持原值）。") { agency, year, row, items, decisions, projects, amount };
        database.AddTo(set);
        set.SetAction(async (parse, ct) =>
        {
            if (Article20FigureRows.Find(parse.GetValue(row)!) is not { } found)
            {
                return output.Fail($"“{parse.GetValue(row)}”不是第二十条统计事项；应为 {string.Join("、", Article20FigureRows.All.Select(r => r.Label))}");
            }

            await using var db = await database.OpenAsync(parse, output, ct);
            if (db is null)
            {
                return ExitCodes.BadInput;
            }

            if (await FindAgencyAsync(db, parse.GetValue(agency)!, output, ct) is not { } agencyRecord)
            {
                return ExitCodes.BadInput;
            }
            var figure = new Article20Figure(found.Key, parse.GetValue(year), parse.GetValue(items), parse.GetValue(decisions), parse.GetValue(projects), parse.GetValue(amount));
            if (await new Article20FigureStore(db, clock).SetAsync(agencyRecord.Id, figure, ct) is { } problem)
            {
                return output.Fail(problem);
            }

            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"已录入 {figure.Year}年 {found.Label}"));
            return ExitCodes.Ok;
        });
        return set;
    }

    private static Command CreateFigureImport(CliOutput output, TimeProvider clock)
    {
        var file = new Argument<string>("FILE") { Description = "CSV 文件（UTF-8 或 GB18030），列为 年度、事项、项目数量、处理决定数量、采购项目数量、金额（元）" };
        var agency = AgencyOption();
        var database = new CliDatabase();
        var import = new Command("import", "从 CSV 导入第二十条统计数；任何一行有误则整个文件不导入，并列出每个出错的行。") { file, agency };
        database.AddTo(import);
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                return output.Fail($"找不到文件 {path}");
            }

            var (figures, errors) = Article20FiguresCsv.Read(await File.ReadAllBytesAsync(path, ct));
            if (errors.Count > 0)
            {
                output.Error.WriteLine($"错误：{path} 有{errors.Count}处问题，整个文件未导入：");
                foreach (var error in errors)
                {
                    output.Error.WriteLine($"  {error}");
                }

                return ExitCodes.BadInput;
            }

            await using var db = await database.OpenAsync(parse, output, ct);
            if (db is null)
            {
                return ExitCodes.BadInput;
            }

            if (await FindAgencyAsync(db, parse.GetValue(agency)!, output, ct) is not { } found)
            {
                return ExitCodes.BadInput;
            }
            if (await new Article20FigureStore(db, clock).ImportAsync(found.Id, figures, ct) is { } problem)
            {
                return output.Fail(problem);
            }

            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"已导入{figures.Count}行（{string.Join("、", figures.Select(f => f.Year).Distinct().Order())}年）"));
            return ExitCodes.Ok;
        });
        return import;
    }

    private static Command CreateDocumentAdd(CliOutput output, TimeProvider clock)
    {
        var agency = AgencyOption();
        var kind = new Option<string>("--kind") { Description = "规章 或 规范性文件（regulation / normative）", Required = true };
        var title = new Option<string>("--title") { Description = "文件名称", Required = true };
        var docNumber = new Option<string?>("--doc-number") { Description = "文号" };
        var issued = new Option<string>("--issued") { Description = "制发日期", Required = true };
        var published = new Option<string?>("--published") { Description = "公开日期" };
        var repealed = new Option<string?>("--repealed") { Description = "废止日期" };
        var catalogIndex = new Option<string?>("--catalog") { Description = "公开该文件的目录信息的索引号" };
        var database = new CliDatabase();
        var add = new Command("add", "登记一件规章或规范性文件。") { agency, kind, title, docNumber, issued, published, repealed, catalogIndex };
        database.AddTo(add);
        add.SetAction(async (parse, ct) =>
        {
            if (NormativeDocumentKinds.Parse(parse.GetValue(kind)!) is not { } k)
            {
                return output.Fail($"--kind “{parse.GetValue(kind)}”无效，应为 规章 或 规范性文件");
            }

            var dates = new DateOnly?[3];
            var texts = new[] { ("--issued", parse.GetValue(issued)), ("--published", parse.GetValue(published)), ("--repealed", parse.GetValue(repealed)) };
            for (var i = 0; i < texts.Length; i++)
            {
                if (texts[i].Item2 is { } t)
                {
                    if (!CliParsing.TryParseDate(t, out var d))
                    {
                        return output.Fail($"{texts[i].Item1} 日期“{t}”无效，应为 YYYY-MM-DD");
                    }

                    dates[i] = d;
                }
            }

            await using var db = await database.OpenAsync(parse, output, ct);
            if (db is null)
            {
                return ExitCodes.BadInput;
            }

            if (await FindAgencyAsync(db, parse.GetValue(agency)!, output, ct) is not { } found)
            {
                return ExitCodes.BadInput;
            }
            var document = new NormativeDocument(k, parse.GetValue(title)!, parse.GetValue(docNumber), dates[0]!.Value, dates[1], dates[2]);
            if (await new NormativeDocumentStore(db).AddAsync(found.Id, document, parse.GetValue(catalogIndex), ct) is { } problem)
            {
                return output.Fail(problem);
            }

            output.Out.WriteLine($"已登记{k.Label()}：{document.Title}");
            return ExitCodes.Ok;
        });
        return add;
    }

    private static Command CreateDocumentList(CliOutput output, TimeProvider clock)
    {
        var agency = AgencyOption();
        var kind = new Option<string?>("--kind") { Description = "只列出 规章 或 规范性文件（regulation / normative）" };
        var year = new Option<int?>("--year") { Description = "只列出该年制发、公开或废止的文件" };
        var inForce = new Option<bool>("--in-force") { Description = "只列出现行有效的文件（截至 --on 当日）" };
        var repealed = new Option<bool>("--repealed") { Description = "只列出已废止（或尚未制发）的文件（截至 --on 当日）" };
        var on = new Option<string?>("--on") { Description = "判断是否现行有效的日期（默认今天）" };
        var database = new CliDatabase();
        var list = new Command("list", "列出登记的规章和规范性文件（新制发的在前）：编号、类别、名称、文号、制发日期、公开日期、废止日期、状态。")
        {
            agency, kind, year, inForce, repealed, on,
        };
        database.AddTo(list);
        list.SetAction(async (parse, ct) =>
        {
            NormativeDocumentKind? k = null;
            if (parse.GetValue(kind) is { } text)
            {
                if (NormativeDocumentKinds.Parse(text) is not { } parsed)
                {
                    return output.Fail($"--kind “{text}”无效，应为 规章 或 规范性文件");
                }

                k = parsed;
            }

            if (parse.GetValue(year) is { } y && !Gongkai.Domain.Reports.ReportTemplates.IsReportYear(y))
            {
                return output.Fail(string.Create(CultureInfo.InvariantCulture, $"--year “{y}”无效，应为 2008 至 2100 年"));
            }

            if (parse.GetValue(inForce) && parse.GetValue(repealed))
            {
                return output.Fail("--in-force 与 --repealed 只能二选一");
            }

            var day = ChinaToday(clock);
            if (parse.GetValue(on) is { } t)
            {
                if (!CliParsing.TryParseDate(t, out day))
                {
                    return output.Fail($"--on 日期“{t}”无效，应为 YYYY-MM-DD");
                }
            }

            await using var db = await database.OpenAsync(parse, output, ct);
            if (db is null || await FindAgencyAsync(db, parse.GetValue(agency)!, output, ct) is not { } found)
            {
                return ExitCodes.BadInput;
            }

            bool? status = parse.GetValue(inForce) ? true : parse.GetValue(repealed) ? false : null;
            var rows = await new NormativeDocumentStore(db).ListAsync(found.Id, new RegisterFilter(k, parse.GetValue(year), status, day), ct);
            output.Out.WriteLine("编号\t类别\t名称\t文号\t制发日期\t公开日期\t废止日期\t状态");
            foreach (var r in rows)
            {
                var d = r.Document;
                output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Id}\t{d.Kind.Label()}\t{d.Title}\t{d.DocumentNumber}\t{CliParsing.Iso(d.IssuedOn)}\t{Iso(d.PublishedOn)}\t{Iso(d.RepealedOn)}\t{d.StatusOn(day)}"));
            }

            output.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"共{rows.Count}件（截至 {CliParsing.Iso(day)}，现行有效{rows.Count(r => r.InForceOn(day))}件）"));
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command CreateDocumentUpdate(CliOutput output)
    {
        var id = new Argument<long>("ID") { Description = "登记编号（见 documents list）" };
        var agency = AgencyOption();
        var kind = new Option<string?>("--kind") { Description = "规章 或 规范性文件" };
        var title = new Option<string?>("--title") { Description = "文件名称" };
        var docNumber = new Option<string?>("--doc-number") { Description = "文号（给空字符串 \"\" 则清除）" };
        var issued = new Option<string?>("--issued") { Description = "制发日期" };
        var published = new Option<string?>("--published") { Description = "公开日期（给空字符串则清除）" };
        var repealed = new Option<string?>("--repealed") { Description = "废止日期（给空字符串则清除，即恢复现行有效）" };
        var database = new CliDatabase();
        var update = new Command("update", "更正一件登记的规章或规范性文件；未给出的项保持原值。") { id, agency, kind, title, docNumber, issued, published, repealed };
        database.AddTo(update);
        update.SetAction(async (parse, ct) =>
        {
            NormativeDocumentKind? k = null;
            if (parse.GetValue(kind) is { } kindText)
            {
                if (NormativeDocumentKinds.Parse(kindText) is not { } parsed)
                {
                    return output.Fail($"--kind “{kindText}”无效，应为 规章 或 规范性文件");
                }

                k = parsed;
            }

            // Each date: not given (keep), empty (clear; not for 制发日期) or a date.
            var dates = new (bool Given, DateOnly? Value)[3];
            var texts = new[] { ("--issued", parse.GetValue(issued)), ("--published", parse.GetValue(published)), ("--repealed", parse.GetValue(repealed)) };
            for (var i = 0; i < texts.Length; i++)
            {
                if (texts[i].Item2 is not { } t)
                {
                    continue;
                }

                if (t.Trim().Length == 0 && i > 0)
                {
                    dates[i] = (true, null);
                }
                else if (CliParsing.TryParseDate(t, out var d))
                {
                    dates[i] = (true, d);
                }
                else
                {
                    return output.Fail($"{texts[i].Item1} 日期“{t}”无效，应为 YYYY-MM-DD");
                }
            }

            await using var db = await database.OpenAsync(parse, output, ct);
            if (db is null || await FindAgencyAsync(db, parse.GetValue(agency)!, output, ct) is not { } found)
            {
                return ExitCodes.BadInput;
            }

            var store = new NormativeDocumentStore(db);
            if (await store.FindAsync(found.Id, parse.GetValue(id), ct) is not { } entry)
            {
                return output.Fail(string.Create(CultureInfo.InvariantCulture, $"登记簿中没有编号为 {parse.GetValue(id)} 的文件"));
            }

            var old = entry.Document;
            var document = new NormativeDocument(
                k ?? old.Kind,
                parse.GetValue(title) ?? old.Title,
                parse.GetValue(docNumber) ?? old.DocumentNumber,
                dates[0].Given ? dates[0].Value!.Value : old.IssuedOn,
                dates[1].Given ? dates[1].Value : old.PublishedOn,
                dates[2].Given ? dates[2].Value : old.RepealedOn);
            if (await store.UpdateAsync(found.Id, entry.Id, document, ct) is { } problem)
            {
                return output.Fail(problem);
            }

            output.Out.WriteLine($"已更正{document.Kind.Label()}：{document.Title.Trim()}");
            return ExitCodes.Ok;
        });
        return update;
    }

    private static Command CreateDocumentRepeal(CliOutput output, TimeProvider clock)
    {
        var id = new Argument<long>("ID") { Description = "登记编号（见 documents list）" };
        var agency = AgencyOption();
        var on = new Option<string?>("--on") { Description = "废止日期（默认今天；不得早于制发日期）" };
        var database = new CliDatabase();
        var repeal = new Command("repeal", "记录一件规章或规范性文件的废止（计入当年“本年废止件数”，此后不再现行有效）。") { id, agency, on };
        database.AddTo(repeal);
        repeal.SetAction(async (parse, ct) =>
        {
            var day = ChinaToday(clock);
            if (parse.GetValue(on) is { } t && !CliParsing.TryParseDate(t, out day))
            {
                return output.Fail($"--on 日期“{t}”无效，应为 YYYY-MM-DD");
            }

            await using var db = await database.OpenAsync(parse, output, ct);
            if (db is null || await FindAgencyAsync(db, parse.GetValue(agency)!, output, ct) is not { } found)
            {
                return ExitCodes.BadInput;
            }

            var store = new NormativeDocumentStore(db);
            if (await store.RepealAsync(found.Id, parse.GetValue(id), day, ct) is { } problem)
            {
                return output.Fail(problem);
            }

            var entry = (await store.FindAsync(found.Id, parse.GetValue(id), ct))!;
            output.Out.WriteLine($"已废止{entry.Document.Kind.Label()}：{entry.Document.Title}（{CliParsing.Iso(day)}）");
            return ExitCodes.Ok;
        });
        return repeal;
    }

    private static Command CreateDocumentRemove(CliOutput output)
    {
        var id = new Argument<long>("ID") { Description = "登记编号（见 documents list）" };
        var agency = AgencyOption();
        var database = new CliDatabase();
        var remove = new Command("remove", "删除一条误登记的记录（如重复登记）；文件废止请用 repeal。") { id, agency };
        database.AddTo(remove);
        remove.SetAction(async (parse, ct) =>
        {
            await using var db = await database.OpenAsync(parse, output, ct);
            if (db is null || await FindAgencyAsync(db, parse.GetValue(agency)!, output, ct) is not { } found)
            {
                return ExitCodes.BadInput;
            }

            var store = new NormativeDocumentStore(db);
            var entry = await store.FindAsync(found.Id, parse.GetValue(id), ct);
            if (await store.RemoveAsync(found.Id, parse.GetValue(id), ct) is { } problem)
            {
                return output.Fail(problem);
            }

            output.Out.WriteLine($"已删除登记：{entry!.Document.Title}");
            return ExitCodes.Ok;
        });
        return remove;
    }

    /// <summary>Today's date in China (UTC+8): the Regulation's dates are China's.</summary>
    private static DateOnly ChinaToday(TimeProvider clock) => Gongkai.Domain.Calendar.ChinaTime.Today(clock);

    private static string Iso(DateOnly? date) => date is { } d ? CliParsing.Iso(d) : string.Empty;

    private const string GeneratedMeaning = "生成日期：应为信息形成或变更之日（第二十六条），不能晚于今天";

    /// <summary>
    /// An optional date option that may not be after today in China: null text gives null; a malformed or future date
    /// gives the message, naming the option and what the date means.
    /// </summary>
    private static string? PastDate(string? text, string option, string meaning, TimeProvider clock, out DateOnly? date)
    {
        date = null;
        if (text is null)
        {
            return null;
        }

        if (!CliParsing.TryParseDate(text, out var d))
        {
            return $"{option} 日期“{text}”无效，应为 YYYY-MM-DD";
        }

        if (d > ChinaToday(clock))
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

    private static Task<AgencyRecord?> FindAgencyAsync(GongkaiDbContext db, string name, CliOutput output, CancellationToken ct) =>
        AgencyCommands.FindAsync(db, name, output, ct);

    private static int Fail(CliOutput output, CatalogCommandResult result) => output.Fail(result.Message());
}
