// 答复: when the officer picks another outcome, the reply text is redrafted from that outcome's template — unless
// they have already edited it. Without JavaScript the form still works: a blank text is drafted on the server.
document.addEventListener("DOMContentLoaded", () => {
    const form = document.querySelector("form[data-reply]");
    if (!form) return;
    const outcome = form.querySelector("select[name='Step.Outcome']");
    const text = form.querySelector("textarea[name='Step.ReplyText']");
    let drafted = text.value;
    outcome.addEventListener("change", () => {
        const draft = form.querySelector(`template[data-draft-for='${outcome.value}']`);
        if (!draft || text.value !== drafted) return;
        text.value = draft.content.textContent;
        drafted = text.value;
    });
});
