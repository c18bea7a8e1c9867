import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import './styles.css';
import { I18nProvider } from './i18n/index.tsx';
import { RequireAuth, SessionProvider } from './lib/session.tsx';
import { WishlistProvider } from './lib/wishlist.tsx';
import { NotificationsProvider } from './lib/notifications.tsx';
import { Layout } from './components/Layout.tsx';
import { Loading } from './components/States.tsx';
import Home from './pages/Home.tsx';

// Only the shell and the home page load first; every other page is its own chunk, admin pages included.
const Search = lazy(() => import('./pages/Search.tsx'));
const PerformanceDetail = lazy(() => import('./pages/PerformanceDetail.tsx'));
const WaitingRoom = lazy(() => import('./pages/WaitingRoom.tsx'));
const Seats = lazy(() => import('./pages/Seats.tsx'));
const QueueAudit = lazy(() => import('./pages/QueueAudit.tsx'));
const Checkout = lazy(() => import('./pages/Checkout.tsx'));
const CheckoutReturn = lazy(() => import('./pages/CheckoutReturn.tsx'));
const MyReservations = lazy(() => import('./pages/MyReservations.tsx'));
const Coupons = lazy(() => import('./pages/Coupons.tsx'));
const Signup = lazy(() => import('./pages/Signup.tsx'));
const Login = lazy(() => import('./pages/Login.tsx'));
const ForgotPassword = lazy(() => import('./pages/auth/ForgotPassword.tsx'));
const ResetPassword = lazy(() => import('./pages/auth/ResetPassword.tsx'));
const FindEmail = lazy(() => import('./pages/auth/FindEmail.tsx'));
const SocialCallback = lazy(() => import('./pages/auth/SocialCallback.tsx'));
const Profile = lazy(() => import('./pages/Profile.tsx'));
const MyWishlist = lazy(() => import('./pages/MyWishlist.tsx'));
const MyNotifications = lazy(() => import('./pages/MyNotifications.tsx'));
const NotificationSettings = lazy(() => import('./pages/profile/NotificationSettings.tsx'));
const Unsubscribe = lazy(() => import('./pages/Unsubscribe.tsx'));
const MyAlerts = lazy(() => import('./pages/MyAlerts.tsx'));
const MyKeywords = lazy(() => import('./pages/MyKeywords.tsx'));
const MyInquiries = lazy(() => import('./pages/MyInquiries.tsx'));
const NewInquiry = lazy(() => import('./pages/inquiries/NewInquiry.tsx'));
const InquiryPage = lazy(() => import('./pages/inquiries/InquiryPage.tsx'));
const MyReviews = lazy(() => import('./pages/MyReviews.tsx'));
const WriteReview = lazy(() => import('./pages/WriteReview.tsx'));
const AdminReviews = lazy(() => import('./pages/admin/Reviews.tsx'));
const NotFound = lazy(() => import('./pages/NotFound.tsx'));
const AdminLayout = lazy(() => import('./pages/admin/AdminLayout.tsx'));
const LiveDashboard = lazy(() => import('./pages/admin/LiveDashboard.tsx'));
const Venues = lazy(() => import('./pages/admin/Venues.tsx'));
const AdminPerformances = lazy(() => import('./pages/admin/Performances.tsx'));
const AdminShowtimes = lazy(() => import('./pages/admin/Showtimes.tsx'));
const AdminCoupons = lazy(() => import('./pages/admin/Coupons.tsx'));
const CheckIn = lazy(() => import('./pages/admin/CheckIn.tsx'));
const AdminOrders = lazy(() => import('./pages/admin/Orders.tsx'));
const AdminOrder = lazy(() => import('./pages/admin/OrderDetail.tsx'));
const AdminUsers = lazy(() => import('./pages/admin/Users.tsx'));
const AuditLog = lazy(() => import('./pages/admin/AuditLog.tsx'));
const InquiryDesk = lazy(() => import('./pages/admin/InquiryDesk.tsx'));
const InquiryDeskThread = lazy(() => import('./pages/admin/InquiryDeskThread.tsx'));
const BannedWords = lazy(() => import('./pages/admin/BannedWords.tsx'));

const signedIn = (el: React.ReactNode) => <RequireAuth>{el}</RequireAuth>;

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <Home /> },
      { path: 'search', element: <Search /> },
      { path: 'performances/:id', element: <PerformanceDetail /> },
      { path: 'performances/:performanceId/showtimes/:showtimeId/queue', element: signedIn(<WaitingRoom />) },
      { path: 'performances/:performanceId/showtimes/:showtimeId/seats', element: signedIn(<Seats />) },
      // Public: anyone may check a draw.
      { path: 'showtimes/:showtimeId/audit', element: <QueueAudit /> },
      { path: 'checkout', element: signedIn(<Checkout />) },
      // Where the payment page sends the buyer back (?paymentId=…); both names are accepted.
      { path: 'checkout/return', element: signedIn(<CheckoutReturn />) },
      { path: 'checkout/complete', element: signedIn(<CheckoutReturn />) },
      { path: 'me/reservations', element: signedIn(<MyReservations />) },
      { path: 'me/reservations/:id/review', element: signedIn(<WriteReview />) },
      { path: 'me/reviews', element: signedIn(<MyReviews />) },
      { path: 'me/wishlist', element: signedIn(<MyWishlist />) },
      { path: 'me/notifications', element: signedIn(<MyNotifications />) },
      { path: 'me/alerts', element: signedIn(<MyAlerts />) },
      { path: 'me/keywords', element: signedIn(<MyKeywords />) },
      { path: 'me/inquiries', element: signedIn(<MyInquiries />) },
      { path: 'me/inquiries/new', element: signedIn(<NewInquiry />) },
      { path: 'me/inquiries/:id', element: signedIn(<InquiryPage />) },
      { path: 'coupons', element: <Coupons /> },
      { path: 'signup', element: <Signup /> },
      { path: 'login', element: <Login /> },
      { path: 'forgot-password', element: <ForgotPassword /> },
      { path: 'reset-password', element: <ResetPassword /> },
      { path: 'find-email', element: <FindEmail /> },
      { path: 'auth/callback', element: <SocialCallback /> },
      { path: 'profile', element: signedIn(<Profile />) },
      { path: 'profile/notifications', element: signedIn(<NotificationSettings />) },
      { path: 'unsubscribe', element: <Unsubscribe /> },
      // The door: STAFF as well as ADMIN (admins also reach it from the console at /admin/check-in).
      {
        path: 'door',
        element: (
          <RequireAuth staff>
            <CheckIn />
          </RequireAuth>
        ),
      },
      {
        path: 'admin',
        element: (
          <RequireAuth admin>
            <AdminLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <LiveDashboard /> },
          { path: 'venues', element: <Venues /> },
          { path: 'performances', element: <AdminPerformances /> },
          { path: 'showtimes', element: <AdminShowtimes /> },
          { path: 'coupons', element: <AdminCoupons /> },
          { path: 'check-in', element: <CheckIn /> },
          { path: 'orders', element: <AdminOrders /> },
          { path: 'orders/:id', element: <AdminOrder /> },
          { path: 'users', element: <AdminUsers /> },
          { path: 'audit', element: <AuditLog /> },
          { path: 'inquiries', element: <InquiryDesk /> },
          { path: 'inquiries/:id', element: <InquiryDeskThread /> },
          { path: 'banned-words', element: <BannedWords /> },
          { path: 'reviews', element: <AdminReviews /> },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <WishlistProvider>
          <NotificationsProvider>
            <Suspense fallback={<Loading />}>
              <RouterProvider router={router} />
            </Suspense>
          </NotificationsProvider>
        </WishlistProvider>
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
