// A stand-in for Grafana's backend service: records each call and lets a test answer it later.
import type { BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { Observable, Subscriber } from 'rxjs';

/** One call the code under test made, still waiting for its answer. */
export interface PendingCall {
  request: BackendSrvRequest;
  respond: (status: number, data: unknown) => void;
  fail: (status: number, data: unknown) => void;
}

/** Records calls to `fetch`; counts calls in flight and calls cancelled by unsubscribing. */
export class FakeBackendSrv {
  calls: PendingCall[] = [];
  inFlight = 0;
  maxInFlight = 0;
  cancelled = 0;
  /** When set, answers every call at once instead of waiting for the test. */
  autoAnswer?: (request: BackendSrvRequest) => { status: number; data: unknown };

  fetch = jest.fn(<T>(request: BackendSrvRequest): Observable<FetchResponse<T>> => {
    return new Observable<FetchResponse<T>>((subscriber) => {
      let open = true;
      const close = () => {
        if (open) {
          open = false;
          this.inFlight--;
        }
      };
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      const call = callOf(request, subscriber as Subscriber<FetchResponse<unknown>>, close);
      this.calls.push(call);
      if (this.autoAnswer) {
        const { status, data } = this.autoAnswer(request);
        (status < 300 ? call.respond : call.fail)(status, data);
      }
      return () => {
        if (open) {
          this.cancelled++;
        }
        close();
      };
    });
  });

  /** Calls whose URL ends with the given resource path. */
  callsTo(path: string): PendingCall[] {
    return this.calls.filter((call) => call.request.url.endsWith(`/resources/${path}`));
  }
}

function callOf(
  request: BackendSrvRequest,
  subscriber: Subscriber<FetchResponse<unknown>>,
  close: () => void
): PendingCall {
  return {
    request,
    respond: (status, data) => {
      close();
      subscriber.next({
        status,
        data,
        ok: true,
        headers: new Headers(),
        redirected: false,
        statusText: 'OK',
        type: 'basic',
        url: request.url,
        config: request,
      });
      subscriber.complete();
    },
    fail: (status, data) => {
      close();
      subscriber.error({ status, data, config: request });
    },
  };
}
