package eu.vigie.cases.console;

import java.util.List;
import java.util.Locale;

/**
 * What every console page shows around its content: the government (path segment), the language,
 * who is signed in (name, user name, agency, jurisdiction, roles) and where the page is (for the
 * language switch to come back to).
 *
 * @param government the console's tenant in the path ({@code gb}, {@code fr}, {@code vigie}); null on public pages
 * @param lang       {@code en} or {@code fr}
 * @param path       the path of this page, to return to after switching language
 */
public record ConsolePage(String government, String lang, String path, String name, String username, String agency,
        String jurisdiction, List<String> roles) {

    public static final List<String> LANGUAGES = List.of("en", "fr");

    /** A page shown before sign-in or after sign-out. */
    public static ConsolePage anonymous(String lang, String path) {
        return new ConsolePage(null, lang, path, null, null, null, null, List.of());
    }

    public Locale locale() {
        return Locale.forLanguageTag(lang);
    }

    public boolean signedIn() {
        return username != null;
    }

    /** The other language the switch offers. */
    public String otherLang() {
        return "en".equals(lang) ? "fr" : "en";
    }

    /** The base of this government's console paths. */
    public String base() {
        return "/console/" + government;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean referrer() {
        return has("referrer");
    }

    public boolean reviewer() {
        return has("reviewer");
    }

    public boolean issuer() {
        return has("issuer");
    }

    public boolean regulator() {
        return has("regulator");
    }

    public boolean auditor() {
        return has("auditor");
    }

    /** Reads cases: the government roles that see their jurisdiction's cases, and auditors. */
    public boolean readsCases() {
        return referrer() || reviewer() || issuer() || regulator() || auditor();
    }

    public String rolesText() {
        return String.join(", ", roles);
    }
}
