namespace Gongkai.Domain.Disclosure;

/// <summary>
/// 审核分离: the agency's choice, within the review mechanism every agency must establish before publishing (Art. 17),
/// that no one reviews their own work and no one decides two steps of one item. Off by default: a small office may have
/// one person for several 审核岗位. When on, the drafter (拟稿人) decides no review step of the item, and each person
/// decides at most one step of a submission (a resubmission after 退回 starts a new round).
/// </summary>
public static class SeparationOfDuties
{
    /// <summary>
    /// Why <paramref name="actor"/> may not decide the pending step of an item with this <paramref name="history"/>
    /// (oldest first), in Chinese; null when they may.
    /// </summary>
    public static string? Problem(IReadOnlyList<CatalogEvent> history, string actor)
    {
        var who = actor.Trim();
        if (history.FirstOrDefault(e => e.Kind == CatalogEventKind.Drafted) is { } drafted && drafted.Actor == who)
        {
            return $"本机关实行审核分离：{who}是该信息的拟稿人，不能审核该信息的任何步骤";
        }

        var lastSubmission = -1;
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].Kind == CatalogEventKind.Submitted)
            {
                lastSubmission = i;
            }
        }

        var decided = history.Skip(lastSubmission + 1).FirstOrDefault(e => e.Kind == CatalogEventKind.Approved && e.Actor == who);
        return decided is null ? null : $"本机关实行审核分离：{who}已审核该信息的“{decided.StepName}”步骤，同一人只能审核其中一个步骤";
    }
}
