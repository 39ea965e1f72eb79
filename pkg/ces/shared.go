package ces

import (
	"context"
	"time"

	"golang.org/x/sync/singleflight"
)

// share runs fn once for all callers that ask for the same key while it is in flight.
//
// fn runs on a context detached from the caller that started it (values kept, cancellation
// dropped) and bounded by timeout, so one caller giving up cannot cancel the call for the others.
// The trade-off: when every caller has left, the call still finishes (or times out) and spends
// its rate-limit tokens. A caller whose context ends returns at once with the context's error.
// shared reports whether the result went to more than one caller.
func share[T any](ctx context.Context, group *singleflight.Group, key string,
	timeout time.Duration, fn func(context.Context) (T, error)) (result T, shared bool, err error) {
	results := group.DoChan(key, func() (any, error) {
		detached, cancel := context.WithTimeout(context.WithoutCancel(ctx), timeout)
		defer cancel()
		return fn(detached)
	})

	select {
	case <-ctx.Done():
		return result, false, ctx.Err()
	case outcome := <-results:
		if value, ok := outcome.Val.(T); ok {
			result = value
		}
		return result, outcome.Shared, outcome.Err
	}
}
