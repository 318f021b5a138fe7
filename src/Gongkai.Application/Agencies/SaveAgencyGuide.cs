using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Agencies;

/// <summary>The agency's 政府信息公开指南 as the office wants it published.</summary>
public sealed record SaveAgencyGuideRequest(int AgencyId, AgencyGuideText Guide);

/// <summary>
/// Saves the agency's 政府信息公开指南 (Art. 12: the guide names the 公开工作机构, so its name is required); blank
/// fields are stored as none, line ends as <c>\n</c>. The value is the guide as stored.
/// </summary>
public sealed class SaveAgencyGuide(GongkaiDbContext db, TimeProvider clock)
{
    public async Task<Result<AgencyGuideText>> ExecuteAsync(SaveAgencyGuideRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var guide = request.Guide;
        if (string.IsNullOrWhiteSpace(guide.OfficeName))
        {
            return new Refused("请填写公开工作机构的名称（第十二条）。", nameof(AgencyGuideText.OfficeName));
        }

        var record = await db.AgencyGuides.SingleOrDefaultAsync(g => g.AgencyId == request.AgencyId, cancellationToken);
        if (record is null)
        {
            record = new AgencyGuideRecord { AgencyId = request.AgencyId, OfficeName = string.Empty };
            db.AgencyGuides.Add(record);
        }

        record.OfficeName = guide.OfficeName.Trim();
        record.Address = Clean(guide.Address);
        record.OfficeHours = Clean(guide.OfficeHours);
        record.Phone = Clean(guide.Phone);
        record.Fax = Clean(guide.Fax);
        record.OnlineChannel = Clean(guide.OnlineChannel);
        record.Classification = Clean(guide.Classification);
        record.HowToObtain = Clean(guide.HowToObtain);
        record.ReviewBody = Clean(guide.ReviewBody);
        record.Court = Clean(guide.Court);
        record.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok(AgencyGuideText.Of(record));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
