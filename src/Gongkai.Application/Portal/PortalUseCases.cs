using Gongkai.Data;
using Gongkai.Data.Portal;
using Gongkai.Domain.Results;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Application.Portal;

/// <summary>The use cases of the portal's own settings: the footer and each agency's 政府信息公开制度.</summary>
public static class PortalServices
{
    public static IServiceCollection AddPortalUseCases(this IServiceCollection services) => services
        .AddScoped(sp => new PortalStore(sp.GetRequiredService<GongkaiDbContext>(), sp.GetService<TimeProvider>() ?? TimeProvider.System))
        .AddScoped<SaveSiteSettings>()
        .AddScoped<SaveDisclosureRule>()
        .AddScoped<RemoveDisclosureRule>();
}

/// <summary>The footer as the administrator enters it (blank fields are dropped).</summary>
public sealed record SaveSiteSettingsRequest(SiteSettings Settings);

/// <summary>Adds a rule (<paramref name="Id"/> null) or replaces rule <paramref name="Id"/> of the agency.</summary>
public sealed record SaveDisclosureRuleRequest(int AgencyId, long? Id, string? Title, string? DocumentNumber, DateOnly? IssuedOn, string? Body);

/// <summary>Deletes rule <paramref name="Id"/> of the agency.</summary>
public sealed record RemoveDisclosureRuleRequest(int AgencyId, long Id);

/// <summary>
/// Saves the footer every public page shows (《政府网站发展指引》: 主办单位, 联系方式, 网站标识码, ICP备案号 and
/// 公安机关备案号 with their links, the 党政机关网站标识). Links must be web addresses (http or https).
/// </summary>
public sealed class SaveSiteSettings(PortalStore store)
{
    public async Task<Result<SiteSettings>> ExecuteAsync(SaveSiteSettingsRequest request, CancellationToken cancellationToken = default)
    {
        var s = request.Settings;
        var clean = new SiteSettings(
            Clean(s.HostName), Clean(s.Contact), Clean(s.SiteCode), Clean(s.IcpNumber), Clean(s.IcpUrl),
            Clean(s.PoliceNumber), Clean(s.PoliceUrl), Clean(s.PartyMarkUrl));
        foreach (var (value, field, label, max) in new[]
                 {
                     (clean.HostName, nameof(SiteSettings.HostName), "主办单位", 200),
                     (clean.Contact, nameof(SiteSettings.Contact), "联系方式", 500),
                     (clean.SiteCode, nameof(SiteSettings.SiteCode), "网站标识码", 50),
                     (clean.IcpNumber, nameof(SiteSettings.IcpNumber), "ICP备案号", 100),
                     (clean.PoliceNumber, nameof(SiteSettings.PoliceNumber), "公安机关备案号", 100),
                 })
        {
            if (value is { Length: var length } && length > max)
            {
                return new Refused($"{label}不能超过{max}个字。", field);
            }
        }

        foreach (var (value, field, label) in new[]
                 {
                     (clean.IcpUrl, nameof(SiteSettings.IcpUrl), "ICP备案号的链接"),
                     (clean.PoliceUrl, nameof(SiteSettings.PoliceUrl), "公安机关备案号的链接"),
                     (clean.PartyMarkUrl, nameof(SiteSettings.PartyMarkUrl), "党政机关网站标识的链接"),
                 })
        {
            if (value is not null && (value.Length > 500 || !IsWebAddress(value)))
            {
                return new Refused($"{label}应是以 http:// 或 https:// 开头的网址（不超过500个字符）。", field);
            }
        }

        if (clean.SiteCode is { } code && !code.All(char.IsAsciiLetterOrDigit))
        {
            return new Refused("网站标识码只能由字母和数字组成（如 1100000001）。", nameof(SiteSettings.SiteCode));
        }

        await store.SaveSiteSettingsAsync(clean, cancellationToken);
        return Result.Ok(clean);
    }

    internal static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    internal static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

/// <summary>Adds or corrects one document of the agency's 政府信息公开制度: 标题, 印发日期 and 正文 are required.</summary>
public sealed class SaveDisclosureRule(PortalStore store)
{
    public const int TitleMax = 300;
    public const int BodyMax = 100_000;

    public async Task<Result<DisclosureRule>> ExecuteAsync(SaveDisclosureRuleRequest request, CancellationToken cancellationToken = default)
    {
        var title = SaveSiteSettings.Clean(request.Title);
        var number = SaveSiteSettings.Clean(request.DocumentNumber);
        var body = SaveSiteSettings.Clean(request.Body);
        if (title is null)
        {
            return new Refused("请填写制度的标题。", "Title");
        }

        if (title.Length > TitleMax)
        {
            return new Refused($"标题不能超过{TitleMax}个字。", "Title");
        }

        if (number is { Length: > 100 })
        {
            return new Refused("文号不能超过100个字。", "DocumentNumber");
        }

        if (request.IssuedOn is not { } issued)
        {
            return new Refused("请填写印发日期。", "IssuedOn");
        }

        if (body is null)
        {
            return new Refused("请填写制度的正文。", "Body");
        }

        if (body.Length > BodyMax)
        {
            return new Refused($"正文不能超过{BodyMax}个字。", "Body");
        }

        var text = new DisclosureRuleText(title, number, issued, body);
        if (request.Id is not { } id)
        {
            return Result.Ok(await store.AddRuleAsync(request.AgencyId, text, cancellationToken));
        }

        return await store.UpdateRuleAsync(request.AgencyId, id, text, cancellationToken) is { } saved
            ? Result.Ok(saved)
            : new NotFound("没有这项制度（可能已被删除）。");
    }
}

/// <summary>Deletes a document of the agency's 政府信息公开制度; the value is the document as it was.</summary>
public sealed class RemoveDisclosureRule(PortalStore store)
{
    public async Task<Result<DisclosureRule>> ExecuteAsync(RemoveDisclosureRuleRequest request, CancellationToken cancellationToken = default)
    {
        var rule = await store.RuleAsync(request.AgencyId, request.Id, cancellationToken);
        return rule is not null && await store.RemoveRuleAsync(request.AgencyId, request.Id, cancellationToken)
            ? Result.Ok(rule)
            : new NotFound("没有这项制度（可能已被删除）。");
    }
}
