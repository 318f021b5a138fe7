namespace Gongkai.Domain.Disclosure;

/// <summary>One step of the review before publication: its name and the role of the person who decides it.</summary>
public sealed record ReviewStep(string Name, string Role);

/// <summary>
/// The review an item goes through before it is published, one step after another. Art. 17 requires a
/// 保密审查 mechanism; the rest of the chain is the agency's own rule, so it is configurable per agency.
/// Publication itself (办公室发布) is not a review step: an approved item is published by the office.
/// </summary>
public sealed record ReviewChain(IReadOnlyList<ReviewStep> Steps)
{
    /// <summary>The longest step name or role kept (the history's columns).</summary>
    public const int MaxNameLength = 100;

    /// <summary>
    /// 保密审查 → 科室负责人审核 → 分管领导审核 → 主要负责人签发, then 办公室发布 — the three-level review the sample
    /// reports describe (seeds 003: 科室负责人初审, 分管副局长审核, 主要负责人签发, 办公室审查并发布).
    /// </summary>
    public static ReviewChain Default { get; } = new(
    [
        new("保密审查", "保密审查员"),
        new("科室负责人审核", "科室负责人"),
        new("分管领导审核", "分管领导"),
        new("主要负责人签发", "主要负责人"),
    ]);

    /// <summary>
    /// A chain from text such as <c>保密审查:保密审查员 → 科室负责人审核:科室负责人</c> (steps separated by →, &gt; or a
    /// comma or a new line; a step without <c>:role</c> is decided by a role of the same name). Null with a reason when unusable.
    /// </summary>
    public static ReviewChain? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = text.Split(['→', '>', ',', '，', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split([':', '：'], 2, StringSplitOptions.TrimEntries))
            .Select(pieces => ((string?)pieces[0], (string?)(pieces.Length > 1 ? pieces[1] : pieces[0])));
        return FromSteps(rows, out error);
    }

    /// <summary>
    /// A chain from steps as the settings page posts them (number, name, role): blank rows are skipped; each problem names
    /// the step. Art. 17: a 保密审查 step (a name containing “保密”) is required. Null with a reason when unusable.
    /// </summary>
    public static ReviewChain? FromSteps(IEnumerable<(string? Name, string? Role)> rows, out string? error)
    {
        error = null;
        var steps = new List<ReviewStep>();
        var number = 0;
        foreach (var (rawName, rawRole) in rows)
        {
            number++;
            var name = rawName?.Trim() ?? string.Empty;
            var role = rawRole?.Trim() ?? string.Empty;
            if (name.Length == 0 && role.Length == 0)
            {
                continue;
            }

            if (name.Length == 0)
            {
                error = $"第{number}步：请填写步骤名称";
                return null;
            }

            if (role.Length == 0)
            {
                error = $"第{number}步“{name}”：请选择审核岗位";
                return null;
            }

            if (name.Length > MaxNameLength || role.Length > MaxNameLength)
            {
                error = $"第{number}步：步骤名称或审核岗位超过{MaxNameLength}字";
                return null;
            }

            if (steps.Any(s => s.Name == name))
            {
                error = $"第{number}步：审核步骤“{name}”重复";
                return null;
            }

            steps.Add(new ReviewStep(name, role));
        }

        if (steps.Count == 0)
        {
            error = "审核流程至少应有一个步骤（第十七条：公开前须经保密审查）";
            return null;
        }

        if (!steps.Any(s => s.Name.Contains("保密", StringComparison.Ordinal)))
        {
            error = "审核流程中应有保密审查步骤（第十七条：公开前须依法依规进行保密审查），请保留一个名称含“保密”的步骤，例如“保密审查”";
            return null;
        }

        return new ReviewChain(steps);
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(" → ", Steps.Select(s => s.Name == s.Role ? s.Name : $"{s.Name}:{s.Role}"));
}
