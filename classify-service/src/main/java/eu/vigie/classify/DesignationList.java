package eu.vigie.classify;

import java.util.Arrays;
import java.util.stream.Collectors;

import eu.vigie.common.problem.ProblemException;

/** The designation lists an entity can be on: a closed set, each with the instrument that makes it. */
public enum DesignationList {

    /** Home Office list of proscribed organisations, Terrorism Act 2000, Schedule 2. */
    UK_PROSCRIBED("UK proscribed organisations (Home Office, Terrorism Act 2000, Schedule 2)"),
    /** The annex of Council Common Position 2001/931/CFSP (frozen by Council Regulation (EC) No 2580/2001). */
    EU_CFSP_2001_931("EU terrorist list (Council Common Position 2001/931/CFSP annex)"),
    /** The Security Council ISIL (Da'esh) and Al-Qaida sanctions list (resolutions 1267/1989/2253). */
    UN_ISIL_AQ("UN ISIL (Da'esh) and Al-Qaida sanctions list (Security Council resolutions 1267/1989/2253)"),
    /** The French registre national des gels (DG Trésor; Code monétaire et financier, L562-2 et s.). */
    FR_GEL("French registre national des gels (DG Trésor, Code monétaire et financier L562-2 et s.)");

    private final String title;

    DesignationList(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The allowed values, as a problem message names them. */
    public static String allowedValues() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** The list named by a path or query parameter; anything else is a 400 naming the allowed values. */
    public static DesignationList parse(String value, String field) {
        if (value != null) {
            for (DesignationList list : values()) {
                if (list.name().equals(value.strip())) {
                    return list;
                }
            }
        }
        throw ProblemException.invalidField(field, "must be one of " + allowedValues());
    }
}
