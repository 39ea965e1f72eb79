package ces

import (
	"context"
	"fmt"

	"golang.org/x/time/rate"
)

// newLimiter allows at most callsPerMinute calls in any 60-second window, as CES counts them:
// a burst of a tenth of the calls, and the rest refilled evenly over the minute
// (burst + rate × 60 s = callsPerMinute).
func newLimiter(callsPerMinute int) *rate.Limiter {
	burst := max(1, callsPerMinute/10)
	refill := max(1, callsPerMinute-burst)
	return rate.NewLimiter(rate.Limit(float64(refill)/60), burst)
}

// waitTurn blocks until the rate limit allows one more call, or fails at once when the
// context would end first.
func (c *Client) waitTurn(ctx context.Context) error {
	if err := c.limiter.Wait(ctx); err != nil {
		return fmt.Errorf("waiting for the data source's limit of %d CES calls per minute: %w",
			c.cpm, err)
	}
	return nil
}
