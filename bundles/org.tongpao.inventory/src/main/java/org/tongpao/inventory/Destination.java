package org.tongpao.inventory;

/**
 * Where stock goes when it leaves a depot: another depot, or an org unit (an issue or a delivery to a unit).
 * Exactly one of the two is set. Used to ask what a depot can give for a destination, since designated lots
 * ({@link Designation}) may go to some destinations only.
 *
 * @since 1.6
 */
public record Destination(Long depotId, Long orgUnitId) {
    public Destination {
        if ((depotId == null) == (orgUnitId == null)) {
            throw new IllegalArgumentException("exactly one of depotId and orgUnitId");
        }
    }

    public static Destination depot(long depotId) {
        return new Destination(depotId, null);
    }

    public static Destination unit(long orgUnitId) {
        return new Destination(null, orgUnitId);
    }

    public boolean toDepot() {
        return depotId != null;
    }
}
