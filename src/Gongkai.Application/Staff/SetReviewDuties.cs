using Gongkai.Domain.Results;

namespace Gongkai.Application.Staff;

/// <summary>The 审核岗位 ticked per person on the agency's settings page (<c>{userId}|{duty}</c>).</summary>
public sealed record SetReviewDutiesRequest(int AgencyId, IReadOnlyList<string> Posted);

/// <summary>
/// Gives each person who acts in the agency (a role of <see cref="StaffRoleNames.Reviewers"/> there) exactly the 审核岗位
/// ticked for them, in this agency only; a supervisor, a disabled account or someone of another agency is left alone.
/// </summary>
public sealed class SetReviewDuties(IStaffAccounts accounts, ReviewDutyStore duties)
{
    /// <summary>The people who may hold a 审核岗位 in the agency, enabled, oldest account first.</summary>
    public async Task<IReadOnlyList<StaffAccount>> ReviewersAsync(int agencyId, CancellationToken cancellationToken = default)
    {
        var members = await accounts.MembershipsAsync((await accounts.UsersInAsync([agencyId], cancellationToken)).ToList(), cancellationToken);
        var acting = members.Where(m => m.AgencyId == agencyId && StaffRoleNames.Reviewers.Contains(m.Role)).Select(m => m.UserId).Distinct().ToList();
        return (await accounts.FindAsync(acting, cancellationToken)).Where(u => !u.Disabled)
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.UserName, StringComparer.Ordinal).ToList();
    }

    public async Task<Result<int>> ExecuteAsync(SetReviewDutiesRequest request, CancellationToken cancellationToken = default)
    {
        var choices = (await duties.ChoicesAsync([request.AgencyId], cancellationToken))[request.AgencyId];
        var posted = request.Posted.Select(d => d.Split('|', 2)).Where(p => p.Length == 2).ToLookup(p => p[0], p => p[1]);
        var changed = 0;
        foreach (var person in await ReviewersAsync(request.AgencyId, cancellationToken))
        {
            var wanted = posted[person.Id].Where(choices.Contains).ToHashSet(StringComparer.Ordinal);
            if (wanted.SetEquals(await duties.HeldAsync(person.Id, request.AgencyId, cancellationToken)))
            {
                continue;
            }

            await duties.ReplaceAsync(person.Id, [request.AgencyId], wanted.Select(w => (request.AgencyId, w)), cancellationToken);
            changed++;
        }

        return Result.Ok(changed);
    }
}
