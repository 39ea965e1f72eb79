package plugin

import (
	"encoding/json"
	"fmt"

	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/core"
)

// parseQuery reads a saved query. Field rules are the core's to check, so that a bad field gets
// the same message in panels and in alert rules; only unreadable JSON stops here.
func parseQuery(refID string, raw json.RawMessage) (core.SavedQuery, error) {
	var saved core.SavedQuery
	if err := json.Unmarshal(raw, &saved); err != nil {
		return core.SavedQuery{}, fmt.Errorf(
			"query %s cannot be read (%s): open it in the editor and save it again",
			refID, describeJSONError(err))
	}
	saved.RefID = refID
	return saved, nil
}
