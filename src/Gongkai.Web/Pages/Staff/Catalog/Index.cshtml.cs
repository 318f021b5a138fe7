using Gongkai.Data.Disclosure;
using Gongkai.Data.Records;
using Gongkai.Domain.Disclosure;
using Gongkai.Web.Catalog;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Catalog;

/// <summary>
/// 主动公开 in the back office: the items awaiting the signed-in person's review step, the approved items awaiting
/// publication, the items past their Art. 26 due date, and the whole catalogue filtered by status, category or words.
/// </summary>
public sealed class IndexModel(CatalogWorkspace workspace, CurrentAgency agency) : PageModel
{
    /// <summary>How many rows one list shows.</summary>
    public const int PageRows = 200;

    public IReadOnlyList<CatalogListRow> Rows { get; private set; } = [];

    /// <summary>Items whose pending step is one of the user's 审核岗位.</summary>
    public IReadOnlyList<CatalogListRow> MyReviews { get; private set; } = [];

    /// <summary>Approved items the office is to publish.</summary>
    public IReadOnlyList<CatalogListRow> ToPublish { get; private set; } = [];

    /// <summary>Art. 26: unpublished items past their due date.</summary>
    public int OverdueCount { get; private set; }

    public IReadOnlyList<CatalogCategoryRecord> Categories { get; private set; } = [];

    public IReadOnlySet<string> Duties { get; private set; } = new HashSet<string>();

    public DateOnly Today { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "c")]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public static IEnumerable<(string Value, string Label)> StatusOptions() =>
        new[] { ("", "全部") }.Concat(Enum.GetValues<CatalogItemStatus>().Select(s => (s.ToString(), CatalogItem.StatusLabel(s))));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var store = await workspace.StoreAsync(cancellationToken);
        Today = workspace.Today();
        Categories = await store.CategoriesAsync(current.Id, cancellationToken);
        Duties = await workspace.DutiesAsync(User, current.Id, cancellationToken);
        var status = Enum.TryParse<CatalogItemStatus>(Status, ignoreCase: false, out var s) && Enum.IsDefined(s) ? s : (CatalogItemStatus?)null;
        Rows = await store.ListAsync(current.Id, status, Overdue, Today, PageRows, Q, Category, cancellationToken);
        MyReviews = await workspace.AwaitingReviewByAsync(current.Id, User, Duties, cancellationToken);

        if (CatalogWorkspace.CanPublish(User))
        {
            ToPublish = await store.ListAsync(current.Id, CatalogItemStatus.Approved, today: Today, limit: PageRows, cancellationToken: cancellationToken);
        }

        OverdueCount = await workspace.OverdueCountAsync(current.Id, cancellationToken);
    }
}
