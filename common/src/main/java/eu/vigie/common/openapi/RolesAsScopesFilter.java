package eu.vigie.common.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Says in the OpenAPI document who may call each operation: the security schemes are the OIDC
 * tenants (one OAuth2 scheme per {@code quarkus.oidc.<tenant>.auth-server-url}, see
 * {@link TenantSchemes}), and each operation's security lists, per tenant, the realm roles its
 * {@code @RolesAllowed} admits that this tenant may grant, e.g. for {@code @RolesAllowed({"issuer",
 * "admin"})}: {@code security: [{vigie: [admin]}, {fr: [issuer]}, {gb: [issuer]}]}.
 * <p>
 * Quarkus lists roles as scopes itself only for resource methods whose class and method carry no
 * explicit {@code @SecurityRequirement}, and with one scheme for all tenants. This filter runs at build
 * time, when SmallRye OpenAPI hands it the application's Jandex index (the {@link IndexView}
 * constructor), finds the resource method behind each operation by HTTP method and path, and reads its
 * rule ({@code @RolesAllowed}, {@code @PermitAll}, {@code @Authenticated}, {@code @DenyAll} on the method,
 * else on the class). A {@code @PermitAll} operation gets an empty security list; an
 * {@code @Authenticated} one each tenant with no role; a {@code @DenyAll} one is left out of the
 * document. A role no tenant may grant fails the build. Operations with no rule at all are left as they
 * are: the services deny them ({@code quarkus.security.jaxrs.deny-unannotated-endpoints}) and the access
 * sweep of the end-to-end tests reports them.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class RolesAsScopesFilter implements OASFilter {

    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName ROLES_ALLOWED = DotName.createSimple("jakarta.annotation.security.RolesAllowed");
    private static final DotName PERMIT_ALL = DotName.createSimple("jakarta.annotation.security.PermitAll");
    private static final DotName DENY_ALL = DotName.createSimple("jakarta.annotation.security.DenyAll");
    private static final DotName AUTHENTICATED = DotName.createSimple("io.quarkus.security.Authenticated");
    private static final Map<DotName, PathItem.HttpMethod> HTTP_METHODS = Map.of(
            DotName.createSimple("jakarta.ws.rs.GET"), PathItem.HttpMethod.GET,
            DotName.createSimple("jakarta.ws.rs.POST"), PathItem.HttpMethod.POST,
            DotName.createSimple("jakarta.ws.rs.PUT"), PathItem.HttpMethod.PUT,
            DotName.createSimple("jakarta.ws.rs.DELETE"), PathItem.HttpMethod.DELETE,
            DotName.createSimple("jakarta.ws.rs.PATCH"), PathItem.HttpMethod.PATCH,
            DotName.createSimple("jakarta.ws.rs.HEAD"), PathItem.HttpMethod.HEAD,
            DotName.createSimple("jakarta.ws.rs.OPTIONS"), PathItem.HttpMethod.OPTIONS);
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*[^}:\\s]+\\s*(?::[^}]*)?}");

    /** Who may call an operation: roles, anyone with a token, or anyone. */
    record Access(Kind kind, List<String> roles) {
        enum Kind {
            ROLES, AUTHENTICATED, PERMIT_ALL, DENY_ALL
        }
    }

    private final Map<String, Access> accessByOperation;

    /** Called by SmallRye OpenAPI at build time with the application's index. */
    public RolesAsScopesFilter(IndexView index) {
        this.accessByOperation = scan(index);
    }

    /** The access rules of every resource method, by {@link #key(PathItem.HttpMethod, String)}. */
    static Map<String, Access> scan(IndexView index) {
        Map<String, Access> result = new HashMap<>();
        for (AnnotationInstance classPath : index.getAnnotations(PATH)) {
            if (classPath.target().kind() != AnnotationTarget.Kind.CLASS) {
                continue;
            }
            ClassInfo resource = classPath.target().asClass();
            for (MethodInfo method : resource.methods()) {
                Optional<PathItem.HttpMethod> httpMethod = HTTP_METHODS.entrySet().stream()
                        .filter(e -> method.hasDeclaredAnnotation(e.getKey()))
                        .map(Map.Entry::getValue)
                        .findFirst();
                if (httpMethod.isEmpty()) {
                    continue;
                }
                AnnotationInstance methodPath = method.declaredAnnotation(PATH);
                String path = join(classPath.value().asString(), methodPath == null ? "" : methodPath.value().asString());
                Access access = accessOf(method, resource);
                if (access != null) {
                    result.put(key(httpMethod.get(), path), access);
                }
            }
        }
        return result;
    }

    static Access accessOf(MethodInfo method, ClassInfo resource) {
        Access onMethod = accessOn(method.declaredAnnotation(ROLES_ALLOWED), method.hasDeclaredAnnotation(PERMIT_ALL),
                method.hasDeclaredAnnotation(DENY_ALL), method.hasDeclaredAnnotation(AUTHENTICATED));
        if (onMethod != null) {
            return onMethod;
        }
        return accessOn(resource.declaredAnnotation(ROLES_ALLOWED), resource.hasDeclaredAnnotation(PERMIT_ALL),
                resource.hasDeclaredAnnotation(DENY_ALL), resource.hasDeclaredAnnotation(AUTHENTICATED));
    }

    private static Access accessOn(AnnotationInstance rolesAllowed, boolean permitAll, boolean denyAll,
            boolean authenticated) {
        if (rolesAllowed != null) {
            AnnotationValue value = rolesAllowed.value();
            List<String> roles = value == null ? List.of() : List.copyOf(new LinkedHashSet<>(List.of(value.asStringArray())));
            return new Access(Access.Kind.ROLES, roles);
        }
        if (denyAll) {
            return new Access(Access.Kind.DENY_ALL, List.of());
        }
        if (permitAll) {
            return new Access(Access.Kind.PERMIT_ALL, List.of());
        }
        if (authenticated) {
            return new Access(Access.Kind.AUTHENTICATED, List.of());
        }
        return null;
    }

    /** {@code /api/v1/cases/{id}} and {@code api/v1/cases/{caseId: [0-9a-f-]+}/} give the same key. */
    static String key(PathItem.HttpMethod method, String path) {
        Matcher m = TEMPLATE.matcher(path);
        String normalised = m.replaceAll("{}").replaceAll("/+", "/");
        if (!normalised.startsWith("/")) {
            normalised = "/" + normalised;
        }
        if (normalised.length() > 1 && normalised.endsWith("/")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return method + " " + normalised;
    }

    static String join(String classPath, String methodPath) {
        return "/" + classPath + "/" + methodPath;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        List<TenantSchemes.Tenant> tenants = TenantSchemes.configured(ConfigProvider.getConfig());
        if (tenants.isEmpty()) {
            throw new IllegalStateException("No OIDC tenant is configured (quarkus.oidc.<tenant>.auth-server-url): "
                    + "the OpenAPI document could not say who may call what");
        }
        TenantSchemes.define(openAPI, tenants);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getOperations() == null) {
                return;
            }
            List<PathItem.HttpMethod> closed = new ArrayList<>();
            item.getOperations().forEach((method, operation) -> {
                Access access = accessByOperation.get(key(method, path));
                if (access == null) {
                    return;
                }
                if (access.kind() == Access.Kind.DENY_ALL) {
                    closed.add(method);
                } else {
                    operation.setSecurity(requirements(access, tenants, method + " " + path));
                }
            });
            // No token may call a @DenyAll operation: it is not part of the API, so it is not in the document.
            closed.forEach(method -> item.setOperation(method, null));
        });
    }

    /**
     * One requirement per tenant that can grant an admitted role, listing those roles: a caller needs a
     * token of one of these tenants with one of the roles listed for it. {@code @PermitAll}: none;
     * {@code @Authenticated}: any tenant's token, whatever its roles.
     */
    static List<SecurityRequirement> requirements(Access access, List<TenantSchemes.Tenant> tenants, String operation) {
        List<SecurityRequirement> requirements = new ArrayList<>();
        if (access.kind() == Access.Kind.PERMIT_ALL) {
            return requirements;
        }
        for (TenantSchemes.Tenant tenant : tenants) {
            List<String> roles = access.roles().stream().filter(tenant.grantableRoles()::contains).toList();
            if (access.kind() == Access.Kind.AUTHENTICATED || !roles.isEmpty()) {
                requirements.add(OASFactory.createSecurityRequirement().addScheme(tenant.name(), new ArrayList<>(roles)));
            }
        }
        if (requirements.isEmpty()) {
            throw new IllegalStateException(operation + " admits only roles " + access.roles()
                    + " that no configured tenant may grant (see eu.vigie.common.security.Roles): no caller could use it");
        }
        return requirements;
    }
}
