using System.CommandLine;
using System.Globalization;
using Gongkai.Application.Register;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Cli.Commands.Documents;

/// <summary><c>gongkai documents …</c>: the register of 规章 and 规范性文件 (Art. 20 (一)).</summary>
internal static class DocumentCommands
{
    public static Command Create(CliOutput output, TimeProvider clock)
    {
        var documents = new Command("documents", "规章和规范性文件登记（第二十条第（一）项）。");
        documents.Subcommands.Add(CreateDocumentAdd(output, clock));
        documents.Subcommands.Add(CreateDocumentList(output, clock));
        documents.Subcommands.Add(CreateDocumentUpdate(output, clock));
        documents.Subcommands.Add(CreateDocumentRepeal(output, clock));
        documents.Subcommands.Add(CreateDocumentRemove(output, clock));
        return documents;
    }

    private static Command CreateDocumentAdd(CliOutput output, TimeProvider clock)
    {
        var agency = CliContext.AgencyOption();
        var kind = new Option<string>("--kind") { Description = "规章 或 规范性文件（regulation / normative）", Required = true };
        var title = new Option<string>("--title") { Description = "文件名称", Required = true };
        var docNumber = new Option<string?>("--doc-number") { Description = "文号" };
        var issued = DateOption.Create("--issued", "制发日期", required: true);
        var published = DateOption.Create("--published", "公开日期");
        var repealed = DateOption.Create("--repealed", "废止日期");
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

            DateOnly?[] dates = [parse.GetValue(issued), parse.GetValue(published), parse.GetValue(repealed)];

            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agency, ct);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }
            var document = new NormativeDocument(k, parse.GetValue(title)!, parse.GetValue(docNumber), dates[0]!.Value, dates[1], dates[2]);
            if ((await context.Get<RegisterNormativeDocument>().ExecuteAsync(new RegisterDocumentRequest(context.AgencyId, document, parse.GetValue(catalogIndex)), ct)).Error is { } error)
            {
                return output.Fail(error);
            }

            output.Out.WriteLine($"已登记{k.Label()}：{document.Title}");
            return ExitCodes.Ok;
        });
        return add;
    }

    private static Command CreateDocumentList(CliOutput output, TimeProvider clock)
    {
        var agency = CliContext.AgencyOption();
        var kind = new Option<string?>("--kind") { Description = "只列出 规章 或 规范性文件（regulation / normative）" };
        var year = new Option<int?>("--year") { Description = "只列出该年制发、公开或废止的文件" };
        var inForce = new Option<bool>("--in-force") { Description = "只列出现行有效的文件（截至 --on 当日）" };
        var repealed = new Option<bool>("--repealed") { Description = "只列出已废止（或尚未制发）的文件（截至 --on 当日）" };
        var on = DateOption.Create("--on", "判断是否现行有效的日期（默认今天）");
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

            var day = parse.GetValue(on) ?? CliParsing.ChinaToday(clock);

            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agency, ct);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            bool? status = parse.GetValue(inForce) ? true : parse.GetValue(repealed) ? false : null;
            var rows = await context.Get<NormativeDocumentStore>().ListAsync(context.AgencyId, new RegisterFilter(k, parse.GetValue(year), status, day), ct);
            output.Out.WriteLine("编号\t类别\t名称\t文号\t制发日期\t公开日期\t废止日期\t状态");
            foreach (var r in rows)
            {
                var d = r.Document;
                output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Id}\t{d.Kind.Label()}\t{d.Title}\t{d.DocumentNumber}\t{CliParsing.Iso(d.IssuedOn)}\t{CliParsing.Iso(d.PublishedOn)}\t{CliParsing.Iso(d.RepealedOn)}\t{d.StatusOn(day)}"));
            }

            output.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"共{rows.Count}件（截至 {CliParsing.Iso(day)}，现行有效{rows.Count(r => r.InForceOn(day))}件）"));
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command CreateDocumentUpdate(CliOutput output, TimeProvider clock)
    {
        var id = new Argument<long>("ID") { Description = "登记编号（见 documents list）" };
        var agency = CliContext.AgencyOption();
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
                    return output.Fail(DateOption.Invalid(texts[i].Item1, t));
                }
            }

            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agency, ct);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            if (await context.Get<NormativeDocumentStore>().FindAsync(context.AgencyId, parse.GetValue(id), ct) is not { } entry)
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
            if ((await context.Get<UpdateNormativeDocument>().ExecuteAsync(new UpdateDocumentRequest(context.AgencyId, entry.Id, document), ct)).Error is { } error)
            {
                return output.Fail(error);
            }

            output.Out.WriteLine($"已更正{document.Kind.Label()}：{document.Title.Trim()}");
            return ExitCodes.Ok;
        });
        return update;
    }

    private static Command CreateDocumentRepeal(CliOutput output, TimeProvider clock)
    {
        var id = new Argument<long>("ID") { Description = "登记编号（见 documents list）" };
        var agency = CliContext.AgencyOption();
        var on = DateOption.Create("--on", "废止日期（默认今天；不得早于制发日期）");
        var database = new CliDatabase();
        var repeal = new Command("repeal", "记录一件规章或规范性文件的废止（计入当年“本年废止件数”，此后不再现行有效）。") { id, agency, on };
        database.AddTo(repeal);
        repeal.SetAction(async (parse, ct) =>
        {
            var day = parse.GetValue(on) ?? CliParsing.ChinaToday(clock);

            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agency, ct);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            var result = await context.Get<RepealNormativeDocument>().ExecuteAsync(new RepealDocumentRequest(context.AgencyId, parse.GetValue(id), day), ct);
            if (result.Error is { } error)
            {
                return output.Fail(error);
            }

            var entry = result.Value!;
            output.Out.WriteLine($"已废止{entry.Document.Kind.Label()}：{entry.Document.Title}（{CliParsing.Iso(day)}）");
            return ExitCodes.Ok;
        });
        return repeal;
    }

    private static Command CreateDocumentRemove(CliOutput output, TimeProvider clock)
    {
        var id = new Argument<long>("ID") { Description = "登记编号（见 documents list）" };
        var agency = CliContext.AgencyOption();
        var database = new CliDatabase();
        var remove = new Command("remove", "删除一条误登记的记录（如重复登记）；文件废止请用 repeal。") { id, agency };
        database.AddTo(remove);
        remove.SetAction(async (parse, ct) =>
        {
            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agency, ct);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            var result = await context.Get<RemoveNormativeDocument>().ExecuteAsync(new RemoveDocumentRequest(context.AgencyId, parse.GetValue(id)), ct);
            if (result.Error is { } error)
            {
                return output.Fail(error);
            }

            output.Out.WriteLine($"已删除登记：{result.Value!.Document.Title}");
            return ExitCodes.Ok;
        });
        return remove;
    }
}
