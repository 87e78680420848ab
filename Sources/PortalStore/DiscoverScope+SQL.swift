import Foundation
import GRDB
import PortalCore

extension DiscoverScope {
  /// The discover rule of `AccessPolicy.decide(.discover…)` as a condition on the
  /// dataset alias `d`. Kept beside the policy's wording; a test checks they agree.
  func sql(now: Date) -> SQLExpression {
    switch self {
    case .everything:
      return SQL("1").sqlExpression
    case .nothing:
      return SQL("0").sqlExpression
    case .limited(let userID, let login, let groups):
      let groupList = groups.isEmpty ? SQL("NULL") : groups.map { SQL("\($0)") }.joined(separator: ", ")
      return SQL(
        """
        (d.visibility <> 'private' OR d.sensitivity <> 'restricted' OR d.owner_id = \(userID)
         OR EXISTS (SELECT 1 FROM "grant" g WHERE g.dataset_id = d.id
                    AND (g.revoked_at IS NULL OR g.revoked_at > \(now))
                    AND (g.expires_at IS NULL OR g.expires_at > \(now))
                    AND ((g.principal_kind = 'user' AND g.principal = \(login))
                         OR (g.principal_kind IN ('group', 'lab') AND g.principal IN (\(groupList))))))
        """
      ).sqlExpression
    }
  }
}
